package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.bot.guard.Blocked;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Told each rule's verdict as the {@link Evaluator} walks a turn's rules: the running bot's turn tells no one
 * ({@link #NONE}); the {@link RuleExplainer} behind {@code try} and {@code replay} writes every verdict down. Every
 * method does nothing unless overridden, and is called on the turn's thread, in the order the rules are walked.
 */
public interface RuleObserver {

    /** Wants no verdicts. */
    RuleObserver NONE = new RuleObserver() {
    };

    /**
     * @param first  an observer
     * @param second another
     * @return one observer telling both, the first first; it wants every rule if either does
     */
    static RuleObserver both(RuleObserver first, RuleObserver second) {
        return new RuleObserver() {
            @Override
            public boolean everyRule() {
                return first.everyRule() || second.everyRule();
            }

            @Override
            public void notTried(BotDefinition bot, Rule rule, String reason) {
                first.notTried(bot, rule, reason);
                second.notTried(bot, rule, reason);
            }

            @Override
            public void failed(BotDefinition bot, Rule rule, Supplier<String> why) {
                first.failed(bot, rule, why);
                second.failed(bot, rule, why);
            }

            @Override
            public void blocked(BotDefinition bot, Rule rule, Blocked blocked) {
                first.blocked(bot, rule, blocked);
                second.blocked(bot, rule, blocked);
            }

            @Override
            public void fired(BotDefinition bot, Rule rule, Map<String, String> captures, List<Action> actions) {
                first.fired(bot, rule, captures, actions);
                second.fired(bot, rule, captures, actions);
            }
        };
    }

    /**
     * @return whether to walk every rule of every bot in file order, telling also of the rules the word index leaves
     *         out and of those after the one that answered; the verdicts of the rules tried are the same either way
     *         (a test holds the index to that). False by default: only the index's candidates are tried.
     */
    default boolean everyRule() {
        return false;
    }

    /**
     * A rule that was not tried (told only when {@link #everyRule()}).
     *
     * @param bot    its bot
     * @param rule   the rule
     * @param reason why: its bot does not serve the channel, a bot of higher priority or an earlier rule answered
     */
    default void notTried(BotDefinition bot, Rule rule, String reason) {
    }

    /**
     * A rule that was tried and does not answer the event.
     *
     * @param bot  its bot
     * @param rule the rule
     * @param why  the part that failed, in words (its trigger, its schedule, or the failing part of its condition),
     *             worked out only when asked
     */
    default void failed(BotDefinition bot, Rule rule, Supplier<String> why) {
    }

    /**
     * A rule whose conditions held but a guardrail stopped; it did nothing, and still answered for the rules below.
     *
     * @param bot     its bot
     * @param rule    the rule
     * @param blocked the guardrail and why
     */
    default void blocked(BotDefinition bot, Rule rule, Blocked blocked) {
    }

    /**
     * A rule that fired.
     *
     * @param bot      its bot
     * @param rule     the rule
     * @param captures what its regexes captured
     * @param actions  its actions (a plugin's in place of its {@code plugin:} action)
     */
    default void fired(BotDefinition bot, Rule rule, Map<String, String> captures, List<Action> actions) {
    }
}
