package io.hookbot.outbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The attempt history: one row of {@code outbox_attempt} per failed send attempt, written with its outcome; a
 * reply's successful attempt is kept in the reply's own row ({@code send_ms}, {@link OutboxStore#record}), so a
 * reply sent at the first try costs one write, and is read back from there as the history's last attempt.
 */
@Singleton
public class AttemptStore {

    /**
     * Adds the attempts among the outcomes to the history.
     *
     * @param connection a transaction's connection
     * @param outcomes   outcomes; those without an attempt (rows put back unsent) are skipped
     * @throws SQLException on a database error
     */
    void insert(Connection connection, List<DeliveryOutcome> outcomes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_attempt "
                + "(message_id, attempted_at, duration_ms, outcome, status_code, error, retry_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (DeliveryOutcome outcome : outcomes) {
                Attempt attempt = outcome.attempt();
                if (attempt == null) {
                    continue;
                }
                insert.setLong(1, outcome.id());
                insert.setObject(2, attempt.at().atOffset(ZoneOffset.UTC));
                insert.setLong(3, attempt.durationMs());
                insert.setString(4, attempt.outcome().name());
                if (attempt.statusCode() == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setInt(5, attempt.statusCode());
                }
                insert.setString(6, OutboxStore.cut(attempt.error()));
                insert.setObject(7, attempt.retryAt() == null ? null : attempt.retryAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                batched++;
            }
            if (batched > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * @param connection a connection
     * @param messageId  an outbox row
     * @return its attempts, oldest first: the failed ones from the history, then the successful one from the row
     *         itself (or from the history, for a reply sent before the row kept it)
     * @throws SQLException on a database error
     */
    public List<Attempt> of(Connection connection, long messageId) throws SQLException {
        List<Attempt> result = history(connection, messageId);
        try (PreparedStatement select = connection.prepareStatement("SELECT sent_at, send_ms FROM outbox_message "
                + "WHERE id = ? AND status = 'SENT' AND send_ms IS NOT NULL")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    long durationMs = rows.getLong(2);
                    result.add(new Attempt(instant(rows, 1).minusMillis(durationMs), durationMs, AttemptOutcome.SENT,
                            null, null, null));
                }
            }
        }
        return result;
    }

    private List<Attempt> history(Connection connection, long messageId) throws SQLException {
        List<Attempt> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT attempted_at, duration_ms, outcome, "
                + "status_code, error, retry_at FROM outbox_attempt WHERE message_id = ? ORDER BY id")) {
            select.setLong(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int status = rows.getInt(4);
                    Integer statusCode = rows.wasNull() ? null : status;
                    result.add(new Attempt(instant(rows, 1), rows.getLong(2), AttemptOutcome.valueOf(rows.getString(3)),
                            statusCode, rows.getString(5), instant(rows, 6)));
                }
            }
        }
        return result;
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
