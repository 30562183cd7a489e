package io.hookbot.outbox;

/** Where an outbox row is in its life. */
public enum OutboxStatus {
    /** Waiting to be sent, now or at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a delivery worker until {@code claimed_until}; back to PENDING if that instance dies. */
    SENDING,
    /** Accepted by the platform. */
    SENT,
    /** Given up on: refused by the platform, or out of attempts. {@code last_error} says why. */
    FAILED
}
