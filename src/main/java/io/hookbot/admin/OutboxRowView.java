package io.hookbot.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hookbot.api.Attachment;
import io.hookbot.outbox.Attempt;
import io.hookbot.outbox.OutboxRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An outbox row as the admin API shows it, times in ISO-8601; every field is present, {@code null} when unset.
 *
 * @param id            the row id
 * @param channel       the channel
 * @param recipient     the ordering key
 * @param status        PENDING, SENDING, SENT or FAILED
 * @param attempts      attempts counted against the retry budget
 * @param nextAttemptAt when it is due, while PENDING
 * @param createdAt     when the turn wrote it
 * @param sentAt        when the platform accepted it
 * @param reference     the platform's id for it
 * @param lastError     the last error
 * @param eventId       the event it answers
 * @param actionIndex   the action's index in that turn
 * @param replyTo       the platform's address fields
 * @param text          the text
 * @param attachments   the files
 * @param history       the attempts, oldest first; only when showing one row
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OutboxRowView(long id, String channel, String recipient, String status, int attempts,
                            String nextAttemptAt, String createdAt, String sentAt, String reference, String lastError,
                            long eventId, int actionIndex, Map<String, String> replyTo, String text,
                            List<Attachment> attachments,
                            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttemptView> history) {

    /**
     * One attempt.
     *
     * @param number     1 for the first attempt
     * @param at         when it started
     * @param durationMs how long it took
     * @param outcome    SENT, RETRY, REFUSED, EXHAUSTED or PAUSED
     * @param statusCode the platform's status, or {@code null}
     * @param error      the error, or {@code null}
     * @param retryAt    when the next attempt was planned, or {@code null}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AttemptView(int number, String at, long durationMs, String outcome, Integer statusCode, String error,
                              String retryAt) {
    }

    static OutboxRowView of(OutboxRow row, List<Attempt> attempts) {
        List<AttemptView> history = attempts == null ? null : new java.util.ArrayList<>();
        if (attempts != null) {
            for (int i = 0; i < attempts.size(); i++) {
                Attempt a = attempts.get(i);
                history.add(new AttemptView(i + 1, text(a.at()), a.durationMs(), a.outcome().name(), a.statusCode(),
                        a.error(), text(a.retryAt())));
            }
        }
        return new OutboxRowView(row.id(), row.message().channel(), row.recipient(), row.status().name(),
                row.attempts(), text(row.nextAttemptAt()), text(row.createdAt()), text(row.sentAt()), row.reference(),
                row.lastError(), row.eventId(), row.actionIndex(), row.message().replyTo(), row.message().text(),
                row.message().attachments(), history);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
