package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.bot.guard.FiredRule;
import io.hookbot.bot.guard.FiredRuleGate;
import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.guard.StaticGuards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Says what the bots would do with one event and why: for every rule, whether it fired, which condition failed, or
 * that an earlier rule (or a bot of higher priority) answered first. An observer of the {@link Evaluator}, the loop
 * the running bot uses, asking it for every rule in file order, which gives the same answer as the index the running
 * bot uses (a test holds them to that); used by the {@code try} and {@code replay} commands.
 *
 * <p>Guardrails that need no history (the bot's own messages, other bots, quiet hours) are applied as the running
 * bot applies them; those that count past firings (cooldowns, the reply cap) cannot be, since a single try has no
 * past: a fired rule that has them says so.
 */
public final class RuleExplainer {

    /** The guardrails that need no history, as the running bot applies them; no counters. */
    private static final FiredRuleGate WITHOUT_HISTORY = new FiredRuleGate() {
        @Override
        public Optional<Blocked> check(FiredRule firing) {
            return StaticGuards.check(firing, Set.of());
        }

        @Override
        public void fired(FiredRule firing, int messages) {
        }
    };

    private RuleExplainer() {
    }

    /** What happened to one rule. */
    public enum Verdict {
        /** It fired; its actions are listed. */
        FIRED,
        /** It was tried and a condition failed. */
        FAILED,
        /** Its conditions held but a guardrail stopped it; it still answered for the rules below. */
        BLOCKED,
        /** It was not tried: an earlier rule or a bot of higher priority answered, or its bot does not serve the channel. */
        NOT_TRIED
    }

    /**
     * One rule's outcome.
     *
     * @param bot      the bot's name
     * @param rule     the rule's name
     * @param location where the rule is written
     * @param verdict  what happened to it
     * @param reason   why, in words; empty when it fired
     * @param actions  what it did, when it fired
     */
    public record Step(String bot, String rule, String location, Verdict verdict, String reason, List<Action> actions) {
    }

    /**
     * @param rules    the rule set
     * @param event    the event
     * @param platform the platform of its channel
     * @param now      the time of the turn
     * @param state    the conversation state before the turn
     * @return a step for every rule of every bot, in order
     */
    public static List<Step> explain(RuleSet rules, Event event, String platform, Instant now, Map<String, String> state) {
        return explain(rules, event, platform, now, state, TurnLookups.NONE);
    }

    /**
     * @param rules    the rule set
     * @param event    the event
     * @param platform the platform of its channel
     * @param now      the time of the turn
     * @param state    the conversation state before the turn
     * @param lookups  presence and first-message knowledge
     * @return a step for every rule of every bot, in order
     */
    public static List<Step> explain(RuleSet rules, Event event, String platform, Instant now, Map<String, String> state,
                                     TurnLookups lookups) {
        Steps steps = new Steps();
        Evaluator.evaluate(rules, Evaluation.of(event, platform, now, state).with(lookups).with(WITHOUT_HISTORY)
                .with(steps));
        return steps.steps;
    }

    /** Writes every rule's verdict down as a step. */
    private static final class Steps implements RuleObserver {

        final List<Step> steps = new ArrayList<>();

        @Override
        public boolean everyRule() {
            return true;
        }

        @Override
        public void notTried(BotDefinition bot, Rule rule, String reason) {
            add(bot, rule, Verdict.NOT_TRIED, reason, List.of());
        }

        @Override
        public void failed(BotDefinition bot, Rule rule, Supplier<String> why) {
            add(bot, rule, Verdict.FAILED, why.get(), List.of());
        }

        @Override
        public void blocked(BotDefinition bot, Rule rule, Blocked blocked) {
            add(bot, rule, Verdict.BLOCKED, "blocked by " + blocked, List.of());
        }

        @Override
        public void fired(BotDefinition bot, Rule rule, Map<String, String> captures, List<Action> actions) {
            String reason = captures.isEmpty() ? "" : "captured " + captures;
            String counted = counted(rule.guardrails());
            add(bot, rule, Verdict.FIRED, reason.isEmpty() || counted.isEmpty() ? reason + counted
                    : reason + "; " + counted, actions);
        }

        private void add(BotDefinition bot, Rule rule, Verdict verdict, String reason, List<Action> actions) {
            steps.add(new Step(bot.name(), rule.name(), rule.location().toString(), verdict, reason, actions));
        }
    }

    /** A cooldown, which counts past firings and so is not applied here, in words; empty when there is none. */
    private static String counted(Guardrails guardrails) {
        return guardrails.cooldown() == null ? ""
                : "the server also applies its cooldown " + guardrails.cooldown() + " (not checked here: no history)";
    }
}
