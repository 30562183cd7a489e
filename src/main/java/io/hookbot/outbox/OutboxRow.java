package io.hookbot.outbox;

import io.hookbot.channel.OutboundMessage;

import java.time.Instant;

/**
 * An outbox row as an operator sees it.
 *
 * @param id            the row id (also the idempotency key sent to gateways that take one)
 * @param eventId       the event it answers
 * @param actionIndex   the action's index in that event's turn
 * @param recipient     the ordering key: replies to one recipient go out in id order
 * @param status        where it is in its life
 * @param attempts      attempts counted against the retry budget
 * @param nextAttemptAt when it is due (PENDING)
 * @param createdAt     when the turn wrote it
 * @param sentAt        when the platform accepted it, or {@code null}
 * @param reference     the platform's id for it, or {@code null}
 * @param lastError     the last error, or {@code null}
 * @param message       what it sends: channel, address fields, text, attachments
 */
public record OutboxRow(long id, long eventId, int actionIndex, String recipient, OutboxStatus status, int attempts,
                        Instant nextAttemptAt, Instant createdAt, Instant sentAt, String reference, String lastError,
                        OutboundMessage message) {
}
