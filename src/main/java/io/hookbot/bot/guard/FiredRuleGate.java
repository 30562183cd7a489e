package io.hookbot.bot.guard;

import java.util.Optional;

/**
 * Asked before a fired rule's actions run, told after. The turn's owner supplies one per turn: the running bot a
 * gate that keeps its counters in the turn's transaction ({@link TurnGuards}), tools one that knows no history.
 */
public interface FiredRuleGate {

    /** Lets everything through: for code that reads rules without guardrails (benchmarks, tests of matching). */
    FiredRuleGate OPEN = new FiredRuleGate() {
        @Override
        public Optional<Blocked> check(FiredRule firing) {
            return Optional.empty();
        }

        @Override
        public void fired(FiredRule firing, int messages) {
        }
    };

    /**
     * Decides whether a rule that fired may run its actions; a rule let through has been counted against its
     * cooldown already.
     *
     * @param firing the rule that fired
     * @return the guardrail that blocks it, or empty to let it run
     */
    Optional<Blocked> check(FiredRule firing);

    /**
     * Records what a rule that ran sent.
     *
     * @param firing   the rule
     * @param messages how many messages (replies and sends) its actions produced
     */
    void fired(FiredRule firing, int messages);
}
