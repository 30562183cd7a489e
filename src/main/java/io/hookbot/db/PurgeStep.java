package io.hookbot.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One transaction of a {@link RetentionJob}: reads a table in id order from where the previous step stopped, and
 * deletes the rows in a given status that were created before the cutoff. Ids follow creation, so the scan stops at
 * the first row created at or after the cutoff. Rows in any other status are passed over and kept.
 *
 * @param deleted rows deleted
 * @param through the last id looked at (the next step starts after it)
 * @param more    whether rows older than the cutoff may remain after {@code through}
 */
public record PurgeStep(int deleted, long through, boolean more) {

    /**
     * Runs one step. The names are the caller's constants, never input.
     *
     * @param connection a transaction's connection
     * @param table      the table, with a {@code BIGINT} {@code id} and a {@code status}
     * @param createdAt  its creation time column
     * @param status     the status whose rows may go
     * @param dependents statements deleting a row's dependents, each with the row's id as its one parameter, run
     *                   before the rows themselves
     * @param afterId    where the previous step stopped (0 at first)
     * @param cutoff     rows created before this may go
     * @param limit      the most rows to read
     * @return what the step did
     * @throws SQLException on a database error
     */
    public static PurgeStep run(Connection connection, String table, String createdAt, String status,
                                List<String> dependents, long afterId, Instant cutoff, int limit)
            throws SQLException {
        return run(connection, table, createdAt, java.util.Set.of(status), dependents, afterId, cutoff, limit);
    }

    /**
     * Runs one step that deletes rows in any of several statuses.
     *
     * @param connection a transaction's connection
     * @param table      the table, with a {@code BIGINT} {@code id} and a {@code status}
     * @param createdAt  its creation time column
     * @param statuses   the statuses whose rows may go
     * @param dependents statements deleting a row's dependents, each with the row's id as its one parameter
     * @param afterId    where the previous step stopped (0 at first)
     * @param cutoff     rows created before this may go
     * @param limit      the most rows to read
     * @return what the step did
     * @throws SQLException on a database error
     */
    public static PurgeStep run(Connection connection, String table, String createdAt, java.util.Set<String> statuses,
                                List<String> dependents, long afterId, Instant cutoff, int limit)
            throws SQLException {
        List<Long> doomed = new ArrayList<>();
        long through = afterId;
        int read = 0;
        boolean reachedCutoff = false;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, status, " + createdAt + " FROM "
                + table + " WHERE id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setLong(1, afterId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    read++;
                    if (!rows.getObject(3, OffsetDateTime.class).toInstant().isBefore(cutoff)) {
                        reachedCutoff = true;
                        break;
                    }
                    through = rows.getLong(1);
                    if (statuses.contains(rows.getString(2))) {
                        doomed.add(through);
                    }
                }
            }
        }
        if (!doomed.isEmpty()) {
            List<String> deletes = new ArrayList<>(dependents);
            deletes.add("DELETE FROM " + table + " WHERE id = ?");
            for (String sql : deletes) {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    for (long id : doomed) {
                        delete.setLong(1, id);
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
            }
        }
        return new PurgeStep(doomed.size(), through, !reachedCutoff && read == limit);
    }
}
