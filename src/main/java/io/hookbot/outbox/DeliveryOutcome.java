package io.hookbot.outbox;

import java.time.Instant;

/**
 * The result of one send attempt (or of not attempting a claimed row), as written back to the row.
 *
 * @param id            the row
 * @param claimedUntil  the claim it was sent under; the write is fenced on it, so a late outcome cannot overwrite a
 *                      newer claim made after this one lapsed
 * @param status        its new status
 * @param attempts      attempts counted so far
 * @param nextAttemptAt when to try again (PENDING only)
 * @param reference     the platform's id for the sent message, or {@code null}
 * @param error         the last error, or {@code null}
 * @param attempt       the attempt to add to the history, or {@code null} if the row was put back unsent
 * @param pause         the pause this attempt caused, or {@code null}
 */
record DeliveryOutcome(long id, Instant claimedUntil, OutboxStatus status, int attempts, Instant nextAttemptAt,
                       String reference, String error, Attempt attempt, ChannelPause pause) {

    /**
     * @param row the claimed row
     * @return an outcome that puts the row back in line, unsent and without counting an attempt
     */
    static DeliveryOutcome putBack(OutboxStore.Claimed row) {
        return new DeliveryOutcome(row.message().id(), row.claimedUntil(), OutboxStatus.PENDING, row.attempts(),
                Instant.now(), null, row.lastError(), null, null);
    }
}
