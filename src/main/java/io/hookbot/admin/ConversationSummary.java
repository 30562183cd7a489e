package io.hookbot.admin;

import io.hookbot.handoff.HandOffState;
import io.hookbot.handoff.HandOffStore;
import io.hookbot.inbox.EventCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One conversation as the admin API lists it: its row, and what waits, was held or failed in it now, read with
 * the indexes the inbox and the outbox keep for their own work.
 */
final class ConversationSummary {

    /** A conversation's last activity, for ordering: its last turn, or 1970 for one never turned. */
    static final String LAST_ACTIVITY = "COALESCE(last_turn_at, ?)";
    /** The value {@link #LAST_ACTIVITY} gives a conversation never turned. */
    static final OffsetDateTime NEVER = Instant.EPOCH.atOffset(ZoneOffset.UTC);
    /** The columns {@link #read} takes, in order, after {@code SELECT}. */
    static final String COLUMNS = "id, channel, conversation_key, turns, last_turn_at, " + LAST_ACTIVITY;

    private ConversationSummary() {
    }

    /**
     * @param connection a connection
     * @param row        a row of {@link #COLUMNS}
     * @return the conversation's fields and counts
     * @throws SQLException on a database error
     */
    static Map<String, Object> read(Connection connection, ResultSet row) throws SQLException {
        return read(connection, row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                row.getObject(5, OffsetDateTime.class));
    }

    /**
     * @param connection a connection
     * @param id         the conversation's id
     * @param channel    its channel
     * @param key        its key
     * @param turns      its turns
     * @param lastTurnAt its last turn, or {@code null}
     * @return the conversation's fields and counts
     * @throws SQLException on a database error
     */
    static Map<String, Object> read(Connection connection, long id, String channel, String key, long turns,
                                    OffsetDateTime lastTurnAt) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("channel", channel);
        out.put("key", key);
        out.put("turns", turns);
        out.put("lastTurnAt", text(lastTurnAt));
        // human mode: the bot steps back while a person answers (docs/handoff.md)
        Optional<HandOffState> handOff = HandOffStore.peek(connection, id);
        out.put("mode", handOff.isPresent() ? HandOffViews.HUMAN : HandOffViews.BOT);
        out.put("handOff", handOff.map(HandOffViews::state).orElse(null));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("pending", 0L);
        counts.put("held", 0L);
        counts.put("failed", 0L);
        try (PreparedStatement count = connection.prepareStatement("SELECT status, COUNT(*) FROM inbox_event "
                + "WHERE status IN ('PENDING', 'HELD', 'FAILED') AND channel = ? AND conversation_key = ? "
                + "AND event_type <> '" + EventCodec.BATCH_MARKER + "' GROUP BY status")) {
            count.setString(1, channel);
            count.setString(2, key);
            try (ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1).toLowerCase(Locale.ROOT), rows.getLong(2));
                }
            }
        }
        // dead letters are few: the channel's, then whether their event is this conversation's
        try (PreparedStatement dead = connection.prepareStatement("SELECT COUNT(*) FROM outbox_message o "
                + "WHERE o.status = 'FAILED' AND o.channel = ? AND EXISTS (SELECT 1 FROM inbox_event e "
                + "WHERE e.id = o.event_id AND e.channel = ? AND e.conversation_key = ?)")) {
            dead.setString(1, channel);
            dead.setString(2, channel);
            dead.setString(3, key);
            try (ResultSet rows = dead.executeQuery()) {
                rows.next();
                counts.put("deadReplies", rows.getLong(1));
            }
        }
        out.putAll(counts);
        return out;
    }

    static String text(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

}
