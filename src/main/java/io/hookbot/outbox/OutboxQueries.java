package io.hookbot.outbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What operators ask of the outbox: rows by status and channel, one row, and putting a dead letter back in line. */
@Singleton
public class OutboxQueries {

    private static final String COLUMNS = "id, event_id, action_index, channel, recipient, status, attempts, "
            + "next_attempt_at, created_at, sent_at, reference, last_error, payload";

    /**
     * A page of rows.
     *
     * @param rows  the rows, newest first
     * @param total how many rows match in all
     */
    public record Page(List<OutboxRow> rows, long total) {
    }

    /** What became of a retry request. */
    public enum RetryResult {
        /** The row is waiting again, with a fresh attempt budget. */
        RETRIED,
        /** There is no such row. */
        NOT_FOUND,
        /** The row is not dead-lettered (it is waiting, sending or sent). */
        NOT_FAILED
    }

    /**
     * @param connection a connection
     * @param status     only rows in this status, or {@code null} for all
     * @param channel    only rows of this channel, or {@code null} for all
     * @param page       the page, from 0
     * @param size       rows per page
     * @return the page, newest first
     * @throws SQLException on a database error
     */
    public Page list(Connection connection, OutboxStatus status, String channel, int page, int size)
            throws SQLException {
        String where = " WHERE 1 = 1" + (status == null ? "" : " AND status = ?") + (channel == null ? "" : " AND channel = ?");
        long total;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM outbox_message" + where)) {
            bind(count, status, channel);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
        }
        List<OutboxRow> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM outbox_message"
                + where + " ORDER BY id DESC OFFSET " + ((long) page * size) + " ROWS FETCH NEXT " + size + " ROWS ONLY")) {
            bind(select, status, channel);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(row(rows));
                }
            }
        }
        return new Page(result, total);
    }

    /**
     * @param connection a connection
     * @param id         a row id
     * @return the row, if it exists
     * @throws SQLException on a database error
     */
    public Optional<OutboxRow> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(row(rows)) : Optional.empty();
            }
        }
    }

    /**
     * @param connection a connection
     * @param eventId    an inbox event
     * @return the replies its turn wrote, in the order it wrote them
     * @throws SQLException on a database error
     */
    public List<OutboxRow> forEvent(Connection connection, long eventId) throws SQLException {
        List<OutboxRow> result = new ArrayList<>();
        // the (event_id, action_index) unique index answers this
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM outbox_message WHERE event_id = ? ORDER BY event_id, action_index")) {
            select.setLong(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(row(rows));
                }
            }
        }
        return result;
    }

    /**
     * Puts a dead-lettered row back in line, due now, with a fresh attempt budget; its attempt history stays.
     *
     * @param connection a transaction's connection
     * @param id         the row
     * @param now        the current time
     * @return what happened
     * @throws SQLException on a database error
     */
    public RetryResult retry(Connection connection, long id, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_message SET status = 'PENDING', "
                + "attempts = 0, next_attempt_at = ?, claimed_until = NULL WHERE id = ? AND status = 'FAILED'")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            update.setLong(2, id);
            if (update.executeUpdate() > 0) {
                return RetryResult.RETRIED;
            }
        }
        return find(connection, id).isPresent() ? RetryResult.NOT_FAILED : RetryResult.NOT_FOUND;
    }

    private static void bind(PreparedStatement statement, OutboxStatus status, String channel) throws SQLException {
        int index = 1;
        if (status != null) {
            statement.setString(index++, status.name());
        }
        if (channel != null) {
            statement.setString(index, channel);
        }
    }

    private static OutboxRow row(ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        return new OutboxRow(id, rows.getLong(2), rows.getInt(3), rows.getString(5),
                OutboxStatus.valueOf(rows.getString(6)), rows.getInt(7), AttemptStore.instant(rows, 8),
                AttemptStore.instant(rows, 9), AttemptStore.instant(rows, 10), rows.getString(11), rows.getString(12),
                ReplyPayload.message(id, rows.getString(4), rows.getString(13)));
    }
}
