package io.hookbot.outbox;

import java.time.Instant;

/**
 * One send attempt of an outbox row, as kept in {@code outbox_attempt}.
 *
 * @param at         when it started
 * @param durationMs how long the platform took to answer
 * @param outcome    how it ended
 * @param statusCode the platform's status (HTTP, or the status in a gateway's body), or {@code null} without answer
 * @param error      what went wrong, or {@code null}
 * @param retryAt    when the row is tried again (RETRY only), or {@code null}
 */
public record Attempt(Instant at, long durationMs, AttemptOutcome outcome, Integer statusCode, String error,
                      Instant retryAt) {
}
