package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginCalls;
import io.hookbot.api.PluginTurn;

import java.util.List;

/**
 * Calls a plugin and checks its answer, on the thread the call runs on (the turn's or a plugin thread), so that a
 * strange list the plugin returned is read there too, never by a turn that has stopped waiting for it.
 */
final class PluginAnswer {

    private PluginAnswer() {
    }

    /**
     * @param plugin the plugin
     * @param turn   the turn it is handed
     * @return its actions, copied
     * @throws Invalid its answer cannot be committed ({@code null}, a {@code null} action, missing fields)
     */
    static List<Action> of(BotPlugin plugin, PluginTurn turn) {
        List<Action> answer = PluginCalls.invoke(plugin, turn);
        String problem = PluginCalls.problem(answer);
        if (problem != null) {
            throw new Invalid(problem);
        }
        return List.copyOf(answer);
    }

    /** A plugin's answer that cannot be committed; the message says why. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
