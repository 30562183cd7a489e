package io.hookbot.db;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Every place where hookbot's SQL, or the way it uses SQL, differs between the embedded H2 and PostgreSQL. The
 * stores ask this; none of them asks which database it is. Everything else is written once for both: H2 runs in
 * PostgreSQL mode ({@code MODE=PostgreSQL} in the default URL), where {@code INSERT … ON CONFLICT DO NOTHING},
 * {@code FOR UPDATE SKIP LOCKED} and {@code FETCH FIRST} mean what they mean on PostgreSQL.
 *
 * <p>The differences are about cost, not meaning: each method gives the same rows on both databases, and says why
 * each database gets the form it gets. What each difference measured is in docs/benchmarks.md and
 * docs/benchmarks-delivery.md, not here: the figures belong with how they were taken.
 *
 * <p>The database is recognised from the first connection that asks (and the configured URL), once; see
 * {@code package-info} for why this is one class and not one per database.
 */
@Singleton
public class SqlDialect {

    private final DatabaseKind kind;

    /**
     * @param configuredUrl the JDBC URL the datasource was configured with (empty: use the one connections report)
     */
    public SqlDialect(@Value("${datasources.default.url:}") String configuredUrl) {
        this.kind = new DatabaseKind(configuredUrl);
    }

    /**
     * Whether to read a row before a write that, nearly always, would change nothing (an insert of a row that is
     * there already, an update to the values it has). On H2, in this process, a read costs little and a write that
     * changes nothing does not: a conflicting insert raises and catches a duplicate-key error, and an update copies
     * its page for the commit to write out. On PostgreSQL the read is a round trip of its own, dearer than the
     * write it would save, and a conflict costs nothing.
     *
     * @param connection any connection to the database
     * @return true on H2: read first, and write only what changes
     * @throws SQLException if the driver cannot say which database it is
     */
    public boolean readsBeforeIdleWrites(Connection connection) throws SQLException {
        return kind.isH2(connection);
    }

    /**
     * A query that takes rows for the caller's transaction, so that no other process works on them meanwhile.
     * Where other processes may use the database (PostgreSQL, an H2 server, {@code AUTO_SERVER}) the rows are
     * locked and those another transaction holds are skipped ({@code FOR UPDATE SKIP LOCKED}). An embedded H2 file
     * is opened by one process only, so the caller's own exclusion inside the process is enough there, and the
     * query is left without the lock: H2 parses a {@code FOR UPDATE} query anew on every call (it caches no such
     * query), which is a cost on a path taken once per turn.
     *
     * @param connection any connection to the database
     * @param select     a {@code SELECT} without a locking clause
     * @return the query to run
     * @throws SQLException if the driver cannot say which database it is
     */
    public String lockedAgainstOtherProcesses(Connection connection, String select) throws SQLException {
        return kind.isShared(connection) ? select + " FOR UPDATE SKIP LOCKED" : select;
    }

    /**
     * Whether other processes may use the database, so that a file of this process's own beside it (the inbox
     * journal) would not see their writes.
     *
     * @param connection any connection to the database
     * @return false only for an embedded H2 file that this process owns (not {@code AUTO_SERVER})
     * @throws SQLException if the driver cannot say which database it is
     */
    public boolean sharedWithOtherProcesses(Connection connection) throws SQLException {
        return kind.isShared(connection);
    }

    /**
     * Whether to look several keys up within an index's prefix one equality at a time rather than with one
     * {@code IN (…)} list: on H2, where a list past an equality walks every entry of the prefix (see
     * {@link #noneOf}) and a look-up in this process is cheap; not on PostgreSQL, where each statement is a round trip
     * and a list is planned as one index probe per key.
     *
     * @param connection any connection to the database
     * @return true on H2
     * @throws SQLException if the driver cannot say which database it is
     */
    public boolean looksUpKeysOneByOne(Connection connection) throws SQLException {
        return kind.isH2(connection);
    }

    /**
     * A condition that no row of a correlated subquery has a column equal to any of some values: on PostgreSQL one
     * {@code NOT EXISTS (… column IN (values) …)}, which its planner handles well; on H2 one {@code NOT EXISTS} per
     * value, each with an equality, because H2 keeps an index look-up within an index's prefix only up to an
     * equality: with {@code IN (…)} there it walks every entry past the prefix (for the outbox claim, a recipient's
     * whole history of sent replies). PostgreSQL plans the split form badly, so each gets its own.
     *
     * @param connection any connection to the database
     * @param subquery   the subquery, with {@code %s} where the condition on the column goes (as in
     *                   {@code SELECT 1 FROM t e WHERE e.k = o.k AND %s AND e.id < o.id})
     * @param column     the column, as the subquery names it
     * @param values     SQL literals, at least one
     * @return the condition, without a leading {@code AND}
     * @throws SQLException if the driver cannot say which database it is
     */
    public String noneOf(Connection connection, String subquery, String column, List<String> values)
            throws SQLException {
        if (kind.isH2(connection)) {
            StringJoiner each = new StringJoiner(" AND ");
            for (String value : values) {
                each.add("NOT EXISTS (" + subquery.formatted(column + " = " + value) + ")");
            }
            return each.toString();
        }
        return "NOT EXISTS (" + subquery.formatted(column + " IN (" + String.join(", ", values) + ")") + ")";
    }
}
