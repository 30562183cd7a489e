package io.hookbot.inbox;

import io.hookbot.api.ScheduleFired;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.hookbot.inbox.InboxStore.FAILED;
import static io.hookbot.inbox.InboxStore.HELD;

/**
 * What operators ask of the inbox: how far behind the turns are, which events failed their turn, and putting a
 * failed event back in line.
 */
@Singleton
public class InboxBacklog {

    /**
     * How far behind the turns are, per channel: events waiting to be turned (pending), held behind a gap by the
     * sequencer, and whose turn failed. One pass over the index on {@code status}; counts the whole backlog, so it is
     * meant for an operator's occasional look, not for a loop.
     *
     * @param connection a connection
     * @return one entry per channel that has such events, by channel name
     * @throws SQLException on a database error
     */
    public List<ChannelBacklog> backlog(Connection connection) throws SQLException {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, OffsetDateTime> oldest = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, status, COUNT(*), "
                + "MIN(received_at) FROM inbox_event WHERE status IN ('PENDING', 'HELD', 'FAILED') "
                // batch markers are the sequencer's bookkeeping: an operator counts messages
                + "AND event_type <> '" + EventCodec.BATCH_MARKER + "' "
                + "GROUP BY channel, status");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String channel = rows.getString(1);
                String status = rows.getString(2);
                long[] count = counts.computeIfAbsent(channel, c -> new long[3]);
                count[FAILED.equals(status) ? 2 : HELD.equals(status) ? 1 : 0] = rows.getLong(3);
                if (!FAILED.equals(status)) {
                    OffsetDateTime since = rows.getObject(4, OffsetDateTime.class);
                    oldest.merge(channel, since, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        List<ChannelBacklog> result = new ArrayList<>();
        counts.forEach((channel, count) -> result.add(new ChannelBacklog(channel, count[0], count[1], count[2],
                oldest.containsKey(channel) ? oldest.get(channel).toInstant() : null)));
        return result;
    }

    /**
     * One channel's share of the {@linkplain #backlog(Connection) backlog}.
     *
     * @param channel       the channel
     * @param pending       events stored and not yet turned
     * @param held          events the sequencer holds behind a gap in a room's batch numbers
     * @param failed        events whose turn failed (kept, with their error, until retried)
     * @param oldestWaiting when the oldest pending or held event was received; {@code null} if none waits
     */
    public record ChannelBacklog(String channel, long pending, long held, long failed, Instant oldestWaiting) {
    }

    /**
     * An event whose turn failed.
     *
     * @param id           the event id
     * @param channel      the channel
     * @param conversation the conversation key
     * @param type         the event type ({@code message}, {@code presence}, …)
     * @param payload      the stored event, as JSON
     * @param receivedAt   when it was stored
     * @param processedAt  when its turn failed
     * @param error        why
     */
    public record FailedEvent(long id, String channel, String conversation, String type, String payload,
                              Instant receivedAt, Instant processedAt, String error) {
    }

    /**
     * A page of failed events.
     *
     * @param events the events, newest first
     * @param total  how many match in all
     */
    public record FailedPage(List<FailedEvent> events, long total) {
    }

    /** What became of a retry request. */
    public enum RetryResult {
        /** The event is pending again: the dispatcher takes it with its conversation's next turn. */
        RETRIED,
        /** There is no such event. */
        NOT_FOUND,
        /** The event did not fail (it is pending, held or done). */
        NOT_FAILED,
        /** The event is a schedule firing: the schedule fires again at its next time instead. */
        SCHEDULE_FIRING
    }

    /**
     * @param connection a connection
     * @param channel    only this channel's events, or {@code null} for all
     * @param page       the page, from 0
     * @param size       events per page
     * @return the page, newest first
     * @throws SQLException on a database error
     */
    public FailedPage failed(Connection connection, String channel, int page, int size) throws SQLException {
        String where = " FROM inbox_event WHERE status = 'FAILED'" + (channel == null ? "" : " AND channel = ?");
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + where)) {
            if (channel != null) {
                count.setString(1, channel);
            }
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
        }
        List<FailedEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, conversation_key, "
                + "event_type, payload, received_at, processed_at, last_error" + where + " ORDER BY id DESC OFFSET "
                + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY")) {
            if (channel != null) {
                select.setString(1, channel);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new FailedEvent(rows.getLong(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), instant(rows, 6), instant(rows, 7),
                            rows.getString(8)));
                }
            }
        }
        return new FailedPage(events, total);
    }

    /**
     * Puts a failed event back among the pending ones; its conversation's next turn takes it first (it is older
     * than anything pending there), so it is turned after events that arrived later and were turned already.
     *
     * @param connection a transaction's connection
     * @param id         the event
     * @return what happened, and the event's conversation if it was retried
     * @throws SQLException on a database error
     */
    public Retry retry(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status, channel, conversation_key FROM inbox_event WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return new Retry(RetryResult.NOT_FOUND, Optional.empty());
                }
                ConversationRef ref = new ConversationRef(rows.getString(2), rows.getString(3));
                if (ScheduleFired.CHANNEL.equals(ref.channel())) {
                    return new Retry(RetryResult.SCHEDULE_FIRING, Optional.empty());
                }
                if (!FAILED.equals(rows.getString(1))) {
                    return new Retry(RetryResult.NOT_FAILED, Optional.empty());
                }
                // the failed turn's record goes with its error: the next turn writes the event's record afresh
                try (PreparedStatement update = connection.prepareStatement("UPDATE inbox_event SET status = "
                        + "'PENDING', processed_at = NULL, last_error = NULL, " + TurnRecords.COLUMN + " = NULL "
                        + "WHERE id = ? AND status = 'FAILED'")) {
                    update.setLong(1, id);
                    return update.executeUpdate() == 1 ? new Retry(RetryResult.RETRIED, Optional.of(ref))
                            : new Retry(RetryResult.NOT_FAILED, Optional.empty());
                }
            }
        }
    }

    /**
     * @param result       what happened
     * @param conversation the event's conversation, when it was put back
     */
    public record Retry(RetryResult result, Optional<ConversationRef> conversation) {
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
