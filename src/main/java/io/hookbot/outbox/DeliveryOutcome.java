package io.hookbot.outbox;

import java.time.Instant;

/**
 * The result of one send attempt, as written back to the row.
 *
 * @param id            the row
 * @param status        its new status
 * @param attempts      attempts made so far
 * @param nextAttemptAt when to try again (PENDING only)
 * @param reference     the platform's id for the sent message, or {@code null}
 * @param error         the last error, or {@code null}
 */
record DeliveryOutcome(long id, OutboxStatus status, int attempts, Instant nextAttemptAt, String reference,
                       String error) {
}
