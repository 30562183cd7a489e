package io.hookbot.outbox;

/**
 * Where an outbox row is in its life: {@code PENDING -> SENDING -> SENT | FAILED}, or back to {@code PENDING} for
 * a retry or while its channel is paused. There is one terminal failure status, the dead letter: whether the
 * platform refused the reply or it ran out of attempts, an operator looks at the same list, reads
 * {@code last_error} and the attempt history, and may retry it through the admin API. A reply to an address that
 * opted out is written {@code SUPPRESSED} and never sent.
 */
public enum OutboxStatus {
    /** Waiting to be sent, now or at {@code next_attempt_at}, or until its paused channel is resumed. */
    PENDING,
    /** Claimed by a delivery worker until {@code claimed_until}; back to PENDING if that instance dies. */
    SENDING,
    /** Accepted by the platform. */
    SENT,
    /** Dead-lettered: refused by the platform, or out of attempts. {@code last_error} says why. */
    FAILED,
    /**
     * Never sent: its recipient opted out (STOP) before it was written or sent; {@code last_error} says so.
     * Terminal: delivery never claims it, the admin API cannot retry it, retention removes it like a sent one.
     */
    SUPPRESSED
}
