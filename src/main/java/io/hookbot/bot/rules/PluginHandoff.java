package io.hookbot.bot.rules;

import io.hookbot.api.Action;

import java.util.List;
import java.util.Map;

/**
 * How a rule's {@code - plugin: <id>} action reaches the plugin for one turn. The turn's owner supplies it (the
 * event, its id and the time are known to it); rules only say which plugin, with what.
 */
@FunctionalInterface
public interface PluginHandoff {

    /** A handoff that calls nothing, for tools that read rules without running plugins. */
    PluginHandoff NONE = (plugin, parameters, captures, state) -> List.of();

    /**
     * @param plugin     the plugin's id
     * @param parameters the rule's {@code with:} values, filled in
     * @param captures   the rule's named captures
     * @param state      the conversation state at this point of the turn (read-only)
     * @return the plugin's actions; empty when it has none or was cut off
     */
    List<Action> handOff(String plugin, Map<String, String> parameters, Map<String, String> captures,
                         Map<String, String> state);
}
