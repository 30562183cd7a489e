package io.hookbot.bot;

import java.util.List;
import java.util.Map;

/**
 * One rule's part in a turn, as the conversation timeline shows it: a rule that fired (what its regexes captured,
 * the plugins it called, what it did) or a rule whose conditions held but a guardrail stopped. Rules that did not
 * match are not listed one by one; a turn with no verdict at all is "no rule matched".
 *
 * @param kind     fired, blocked, or the bot stepped back (human mode)
 * @param bot      the bot
 * @param rule     the rule
 * @param captures for a fired rule, what its regexes captured (each value cut to {@value #MAX_VALUE} characters)
 * @param plugins  for a fired rule, the plugins it called
 * @param actions  for a fired rule, its actions by kind ({@code reply}, {@code send}, {@code set}, {@code clear},
 *                 {@code handoff}), with counts; for a stepped-back turn, {@code forward} if the message was forwarded
 * @param guard    for a blocked rule, the guardrail, as written in rule files ({@code cooldown}, …)
 * @param reason   for a blocked rule, why, in words
 */
public record TurnVerdict(Kind kind, String bot, String rule, Map<String, String> captures, List<String> plugins,
                          Map<String, Integer> actions, String guard, String reason) {

    /** The longest capture kept. */
    public static final int MAX_VALUE = 200;

    /** What became of the rule. */
    public enum Kind {
        /** Its conditions held and it ran its actions. */
        FIRED,
        /** Its conditions held and a guardrail stopped it. */
        BLOCKED,
        /**
         * No rule was asked: the conversation is in human mode (its bot and rule are {@code null}, its guard
         * {@code human-mode}, its reason who handed it off and where the message was forwarded).
         */
        STEPPED_BACK
    }

    public TurnVerdict {
        captures = captures == null ? Map.of() : Map.copyOf(captures);
        plugins = plugins == null ? List.of() : List.copyOf(plugins);
        actions = actions == null ? Map.of() : Map.copyOf(actions);
    }
}
