package io.hookbot.db;

import io.hookbot.worker.SafeErrors;

import java.sql.SQLException;

/**
 * Tells a database error that a statement's data caused (it fails again however often it is retried) from one of
 * the database itself (down, restarting, out of connections: it may pass). By SQLState, which H2 and PostgreSQL
 * fill in alike: class 22 is a data exception (a value too long, a character the encoding cannot hold — PostgreSQL
 * refuses NUL with 22021 — a number out of range), class 23 an integrity constraint violation. Everything else,
 * connection errors (08), serialization failures (40), resources (53), operator intervention (57) and unknown
 * states included, is treated as passing.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    /**
     * @param failure a failure, possibly wrapping an {@link SQLException}
     * @return whether the data it was given caused it, so that retrying the same data cannot succeed
     */
    public static boolean isCausedByData(Throwable failure) {
        SQLException sql = SafeErrors.sqlCause(failure);
        for (SQLException e = sql; e != null; e = e.getNextException()) {
            String state = e.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }
}
