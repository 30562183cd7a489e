package io.hookbot.handoff;

import java.time.Duration;
import java.time.Instant;

/**
 * One line of a conversation's {@code handoff_log}: a hand-off, a release or an agent's message.
 *
 * @param id             the row's id (an agent's message's outbox row has {@code event_id = -id})
 * @param conversationId the conversation
 * @param at             when
 * @param kind           what
 * @param by             who
 * @param detail         the rule or plugin, a release's reason, or {@code null}
 * @param target         a hand-off's target, or {@code null}
 * @param idle           a hand-off's idle time, or {@code null}
 * @param note           a hand-off's note, or {@code null}
 * @param eventId        the inbox event whose turn wrote it, or {@code null}
 */
public record LogEntry(long id, long conversationId, Instant at, Kind kind, HandOffState.Source by, String detail,
                       AgentTarget target, Duration idle, String note, Long eventId) {

    /** What a log line records. */
    public enum Kind {
        /** The conversation went into human mode, or its hand-off was changed. */
        HANDOFF,
        /** The conversation went back to the bot. */
        RELEASE,
        /** An agent's message to the customer. */
        MESSAGE
    }

    /** @return the outbox's {@code event_id} of an agent's message logged here */
    public long outboxEventId() {
        return -id;
    }
}
