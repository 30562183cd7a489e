package io.hookbot.bot.rules;

import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.rules.yaml.Location;

import java.util.ArrayList;
import java.util.List;

/**
 * One rule of a bot. Public so that a {@link RuleObserver} can name it; what its trigger, condition and actions
 * are stays inside this package.
 *
 * @param name          its name, unique within the bot
 * @param location      where it is written
 * @param trigger       which events it answers
 * @param condition     what the event must satisfy
 * @param actions       what it does, in order
 * @param continueAfter whether later rules are still tried after this one fired
 * @param guardrails    the guardrails in force for it
 * @param schedule      when it fires, for an {@code on: schedule} rule; {@code null} for the others
 */
public record Rule(String name, Location location, Trigger trigger, Condition condition, List<RuleAction> actions,
            boolean continueAfter, Guardrails guardrails, Schedule schedule) {

    /** @return whether it can send a message: it has an action other than {@code set} and {@code clear} */
    boolean sends() {
        return actions.stream().anyMatch(a -> !(a instanceof RuleAction.SetAction || a instanceof RuleAction.ClearAction));
    }

    /** @return the plugins its {@code plugin:} actions call, in order (most rules call none) */
    public List<String> plugins() {
        // asked of every rule that fires (its turn's record): no stream for the usual answer, none
        List<String> plugins = List.of();
        for (RuleAction action : actions) {
            if (action instanceof RuleAction.PluginAction plugin) {
                plugins = plugins.isEmpty() ? new ArrayList<>(2) : plugins;
                plugins.add(plugin.plugin());
            }
        }
        return plugins.isEmpty() ? plugins : List.copyOf(plugins);
    }

    /** @return whether the rule fires for every event its trigger names and stops there */
    boolean isCatchAll() {
        return condition instanceof Condition.Always && !continueAfter;
    }
}
