package io.hookbot.inbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code sequence_state} table's SQL, on the caller's transaction (which holds the conversation's lock). */
@Singleton
public class SequenceStore {

    /**
     * @param connection the transaction's connection
     * @param ref        the conversation
     * @return its state, or empty if it never had a numbered event
     * @throws SQLException on a database error
     */
    public Optional<SequenceState> load(Connection connection, ConversationRef ref) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT last_batch, last_arrived, gap_since, skipped, restarts "
                + "FROM sequence_state WHERE channel = ? AND conversation_key = ?")) {
            select.setString(1, ref.channel());
            select.setString(2, ref.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                OffsetDateTime gap = row.getObject(3, OffsetDateTime.class);
                return Optional.of(new SequenceState(row.getLong(1), row.getLong(2),
                        gap == null ? null : gap.toInstant(), row.getLong(4), row.getLong(5)));
            }
        }
    }

    /**
     * @param connection the transaction's connection
     * @param ref        the conversation
     * @param state      its new state
     * @throws SQLException on a database error
     */
    public void save(Connection connection, ConversationRef ref, SequenceState state) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE sequence_state SET last_batch = ?, "
                + "last_arrived = ?, gap_since = ?, skipped = ?, restarts = ? "
                + "WHERE channel = ? AND conversation_key = ?")) {
            update.setLong(1, state.lastBatch());
            update.setLong(2, state.lastArrived());
            update.setObject(3, utc(state.gapSince()));
            update.setLong(4, state.skipped());
            update.setLong(5, state.restarts());
            update.setString(6, ref.channel());
            update.setString(7, ref.key());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sequence_state "
                + "(channel, conversation_key, last_batch, last_arrived, gap_since, skipped, restarts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, ref.channel());
            insert.setString(2, ref.key());
            insert.setLong(3, state.lastBatch());
            insert.setLong(4, state.lastArrived());
            insert.setObject(5, utc(state.gapSince()));
            insert.setLong(6, state.skipped());
            insert.setLong(7, state.restarts());
            insert.executeUpdate();
        }
    }

    /**
     * @param connection a connection
     * @param openedBy   gaps opened at or before this time are due
     * @return conversations whose gap is due for release
     * @throws SQLException on a database error
     */
    public List<ConversationRef> gapsOpenedBefore(Connection connection, Instant openedBy) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, conversation_key "
                + "FROM sequence_state WHERE gap_since <= ? FETCH FIRST 1000 ROWS ONLY")) {
            select.setObject(1, utc(openedBy));
            List<ConversationRef> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new ConversationRef(rows.getString(1), rows.getString(2)));
                }
            }
            return result;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
