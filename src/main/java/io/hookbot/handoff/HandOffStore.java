package io.hookbot.handoff;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of {@code conversation_handoff} (who is in human mode now) and {@code handoff_log} (what happened to each
 * conversation's mode), on the caller's transaction. Every write is made holding the conversation's row lock
 * ({@link io.hookbot.conversation.ConversationStore#lock(Connection, long, boolean)}), always taken before the
 * hand-off's row is touched, so no two writers can deadlock and none interleaves with another (see
 * {@link HumanMode} for a turn on an embedded H2, which reads its conversation without a lock).
 */
@Singleton
public class HandOffStore {

    private static final String STATE_COLUMNS = "conversation_id, to_channel, to_address, since, idle_seconds, "
            + "last_activity_at, note, started_by, started_detail";

    /**
     * @param connection the transaction; a caller that may change the hand-off holds the conversation's row lock
     * @param conversationId the conversation
     * @return its hand-off, or empty in bot mode
     * @throws SQLException on a database error
     */
    public Optional<HandOffState> current(Connection connection, long conversationId) throws SQLException {
        return peek(connection, conversationId);
    }

    /**
     * Puts a conversation in human mode, or replaces its hand-off.
     *
     * @param connection the transaction, holding the conversation's lock
     * @param state      the hand-off
     * @throws SQLException on a database error
     */
    public void save(Connection connection, HandOffState state) throws SQLException {
        // replaced whole: portable, and a hand-off changes rarely (a message only moves its times, see touch)
        end(connection, state.conversationId());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation_handoff ("
                + STATE_COLUMNS + ", release_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, state.conversationId());
            insert.setString(2, state.target() == null ? null : state.target().channel());
            insert.setString(3, state.target() == null ? null : state.target().address());
            insert.setObject(4, time(state.since()));
            insert.setLong(5, state.idle().toSeconds());
            insert.setObject(6, time(state.lastActivity()));
            insert.setString(7, state.note());
            insert.setString(8, state.by().name());
            insert.setString(9, state.detail());
            insert.setObject(10, time(state.releaseAt()));
            insert.executeUpdate();
        }
    }

    /**
     * Starts a hand-off's idle time again.
     *
     * @param connection the transaction, holding the conversation's lock
     * @param state      the hand-off, touched ({@link HandOffState#touched})
     * @throws SQLException on a database error
     */
    public void touch(Connection connection, HandOffState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE conversation_handoff SET "
                + "last_activity_at = ?, release_at = ? WHERE conversation_id = ?")) {
            update.setObject(1, time(state.lastActivity()));
            update.setObject(2, time(state.releaseAt()));
            update.setLong(3, state.conversationId());
            update.executeUpdate();
        }
    }

    /**
     * Ends a conversation's human mode.
     *
     * @param connection the transaction, holding the conversation's lock
     * @param conversationId the conversation
     * @return whether it was in human mode
     * @throws SQLException on a database error
     */
    public boolean end(Connection connection, long conversationId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM conversation_handoff WHERE conversation_id = ?")) {
            delete.setLong(1, conversationId);
            return delete.executeUpdate() > 0;
        }
    }

    /**
     * @param connection a connection
     * @param now        the time
     * @param limit      the most to return
     * @return the conversations whose idle timeout has passed, the longest past first
     * @throws SQLException on a database error
     */
    public List<Long> idle(Connection connection, Instant now, int limit) throws SQLException {
        List<Long> due = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT conversation_id FROM "
                + "conversation_handoff WHERE release_at <= ? ORDER BY release_at FETCH FIRST " + limit
                + " ROWS ONLY")) {
            select.setObject(1, time(now));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(rows.getLong(1));
                }
            }
        }
        return due;
    }

    /**
     * @param connection a connection
     * @param conversationId the conversation
     * @return its hand-off now (also for the admin API's views, which hold no bean), or empty in bot mode
     * @throws SQLException on a database error
     */
    public static Optional<HandOffState> peek(Connection connection, long conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + STATE_COLUMNS
                + " FROM conversation_handoff WHERE conversation_id = ?")) {
            select.setLong(1, conversationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(state(row)) : Optional.empty();
            }
        }
    }

    /**
     * Adds a line to a conversation's log.
     *
     * @param connection the transaction
     * @param entry      the line; its id is ignored
     * @return the new line's id
     * @throws SQLException on a database error
     */
    public long log(Connection connection, LogEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO handoff_log (conversation_id, "
                + "happened_at, kind, by_source, detail, to_channel, to_address, idle_seconds, note, event_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, entry.conversationId());
            insert.setObject(2, time(entry.at()));
            insert.setString(3, entry.kind().name());
            insert.setString(4, entry.by().name());
            insert.setString(5, entry.detail());
            insert.setString(6, entry.target() == null ? null : entry.target().channel());
            insert.setString(7, entry.target() == null ? null : entry.target().address());
            if (entry.idle() == null) {
                insert.setNull(8, Types.BIGINT);
            } else {
                insert.setLong(8, entry.idle().toSeconds());
            }
            insert.setString(9, entry.note());
            if (entry.eventId() == null) {
                insert.setNull(10, Types.BIGINT);
            } else {
                insert.setLong(10, entry.eventId());
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("the database returned no id for a new handoff_log row");
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * @param connection a connection
     * @param conversationId the conversation
     * @param limit      the most lines, the latest
     * @return its log, oldest first
     * @throws SQLException on a database error
     */
    public List<LogEntry> history(Connection connection, long conversationId, int limit) throws SQLException {
        List<LogEntry> lines = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, happened_at, kind, by_source, detail, "
                + "to_channel, to_address, idle_seconds, note, event_id FROM handoff_log WHERE conversation_id = ? "
                + "ORDER BY conversation_id DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setLong(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long idle = rows.getLong(8);
                    Duration idleTime = rows.wasNull() ? null : Duration.ofSeconds(idle);
                    long event = rows.getLong(10);
                    Long eventId = rows.wasNull() ? null : event;
                    lines.add(0, new LogEntry(rows.getLong(1), conversationId,
                            rows.getObject(2, OffsetDateTime.class).toInstant(), LogEntry.Kind.valueOf(rows.getString(3)),
                            HandOffState.Source.valueOf(rows.getString(4)), rows.getString(5),
                            AgentTarget.of(rows.getString(6), rows.getString(7)), idleTime, rows.getString(9),
                            eventId));
                }
            }
        }
        return lines;
    }

    private static HandOffState state(ResultSet row) throws SQLException {
        return new HandOffState(row.getLong(1), AgentTarget.of(row.getString(2), row.getString(3)),
                row.getObject(4, OffsetDateTime.class).toInstant(), Duration.ofSeconds(row.getLong(5)),
                row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(7),
                HandOffState.Source.valueOf(row.getString(8)), row.getString(9));
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
