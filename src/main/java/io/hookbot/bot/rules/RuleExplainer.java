package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.bot.guard.Firing;
import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.guard.StaticGuards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says what the bots would do with one event and why: for every rule, whether it fired, which condition failed, or
 * that an earlier rule (or a bot of higher priority) answered first. Tries the rules one by one in file order, which gives the same answer as the
 * index the running bot uses (a test holds them to that); used by the {@code try} command.
 *
 * <p>Guardrails that need no history (the bot's own messages, other bots, quiet hours) are applied as the running
 * bot applies them; those that count past firings (cooldowns, the reply cap) cannot be, since a single try has no
 * past: a fired rule that has them says so.
 */
public final class RuleExplainer {

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
        List<Step> steps = new ArrayList<>();
        Map<String, String> live = new HashMap<>(state);
        Precedence precedence = new Precedence();
        for (BotDefinition bot : rules.bots()) {
            Facts facts = Facts.of(event, platform, live, now, lookups);
            String answeredBy = !bot.serves(event.channel()) ? "the bot serves only " + bot.channels()
                    : !precedence.admits(bot) ? precedence.reason() : null;
            boolean served = answeredBy == null;
            for (Rule rule : bot.rules()) {
                String location = rule.location().toString();
                if (answeredBy != null) {
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.NOT_TRIED, answeredBy, List.of()));
                    continue;
                }
                if (rule.schedule() != null) {
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.FAILED,
                            "fires on its schedule (" + rule.schedule() + "), not on events", List.of()));
                    continue;
                }
                if (!rule.trigger().matches(event)) {
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.FAILED,
                            "answers " + rule.trigger() + " events, not " + Trigger.Family.of(event).name().toLowerCase()
                                    + "." + Trigger.typeOf(event), List.of()));
                    continue;
                }
                Map<String, String> captures = new HashMap<>();
                if (!rule.condition().test(facts, captures)) {
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.FAILED,
                            whyNot(rule.condition(), facts), List.of()));
                    continue;
                }
                Firing firing = new Firing(bot.name(), rule.name(), rule.guardrails(), event, now, rule.sends());
                Optional<Blocked> blocked = StaticGuards.check(firing, Set.of());
                if (blocked.isPresent()) {
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.BLOCKED,
                            "blocked by " + blocked.get(), List.of()));
                } else {
                    List<Action> actions = new ArrayList<>();
                    bot.fire(rule, facts, captures, live, actions);
                    String reason = captures.isEmpty() ? "" : "captured " + captures;
                    String counted = counted(rule.guardrails());
                    steps.add(new Step(bot.name(), rule.name(), location, Verdict.FIRED,
                            reason.isEmpty() || counted.isEmpty() ? reason + counted : reason + "; " + counted,
                            actions));
                }
                if (!rule.continueAfter()) {
                    answeredBy = "rule '" + rule.name() + "' answered first";
                }
            }
            // as the running bot: the bot answered if a rule stopped its turn
            precedence.after(bot, served && answeredBy != null);
        }
        return steps;
    }

    /** A cooldown, which counts past firings and so is not applied here, in words; empty when there is none. */
    private static String counted(Guardrails guardrails) {
        return guardrails.cooldown() == null ? ""
                : "the server also applies its cooldown " + guardrails.cooldown() + " (not checked here: no history)";
    }

    /** The failing part of a condition that failed, in words. */
    static String whyNot(Condition condition, Facts facts) {
        if (condition instanceof Condition.All all) {
            for (Condition part : all.all()) {
                if (!part.test(facts, new HashMap<>())) {
                    return whyNot(part, facts);
                }
            }
        }
        if (condition instanceof Condition.Any any) {
            return any.any().stream().map(part -> whyNot(part, facts))
                    .collect(Collectors.joining("; ", "none of these held: ", ""));
        }
        if (condition instanceof Condition.Not not) {
            return "wants the opposite of: " + not.not().describe();
        }
        return "wants " + condition.describe();
    }
}
