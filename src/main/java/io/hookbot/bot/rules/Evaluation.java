package io.hookbot.bot.rules;

import io.hookbot.api.Event;
import io.hookbot.bot.guard.FiredRuleGate;

import java.time.Instant;
import java.util.Map;

/**
 * What the {@link Evaluator} runs a turn's rules against, and with what. Start from {@link #of} (no plugins, no
 * guardrails, no presence or first-message knowledge, no observer, as tools and tests want it) and add what the
 * turn has.
 *
 * @param event    the event
 * @param platform the platform of its channel, or {@code null} if unknown
 * @param now      the time of the turn
 * @param state    the conversation state before the turn; left as it is (the outcome has the new one)
 * @param lookups  presence and first-message knowledge
 * @param plugins  how a {@code plugin:} action reaches its plugin
 * @param gate     the guardrails, asked before a rule that fired runs its actions
 * @param observer who is told each rule's verdict
 */
public record Evaluation(Event event, String platform, Instant now, Map<String, String> state, TurnLookups lookups,
                         PluginHandoff plugins, FiredRuleGate gate, RuleObserver observer) {

    public Evaluation {
        state = state == null ? Map.of() : state;
        lookups = lookups == null ? TurnLookups.NONE : lookups;
        plugins = plugins == null ? PluginHandoff.NONE : plugins;
        gate = gate == null ? FiredRuleGate.OPEN : gate;
        observer = observer == null ? RuleObserver.NONE : observer;
    }

    /**
     * @param event    the event
     * @param platform the platform of its channel, or {@code null} if unknown
     * @param now      the time of the turn
     * @param state    the conversation state before the turn
     * @return an evaluation with no plugins, no guardrails, no lookups and no observer
     */
    public static Evaluation of(Event event, String platform, Instant now, Map<String, String> state) {
        return new Evaluation(event, platform, now, state, null, null, null, null);
    }

    /** @return this evaluation with presence and first-message knowledge */
    public Evaluation with(TurnLookups lookups) {
        return new Evaluation(event, platform, now, state, lookups, plugins, gate, observer);
    }

    /** @return this evaluation handing {@code plugin:} actions to plugins */
    public Evaluation with(PluginHandoff plugins) {
        return new Evaluation(event, platform, now, state, lookups, plugins, gate, observer);
    }

    /** @return this evaluation asking the guardrails */
    public Evaluation with(FiredRuleGate gate) {
        return new Evaluation(event, platform, now, state, lookups, plugins, gate, observer);
    }

    /** @return this evaluation telling an observer each rule's verdict */
    public Evaluation with(RuleObserver observer) {
        return new Evaluation(event, platform, now, state, lookups, plugins, gate, observer);
    }
}
