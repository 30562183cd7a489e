package io.hookbot.db;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link SqlDialect} writes for PostgreSQL. */
@RequiresPostgres
class SqlDialectPostgresTest {

    @Test
    void postgresqlWritesAtOnceLocksAndKeepsTheInList() throws Exception {
        Database database = Database.postgres();
        try (Connection c = database.connect()) {
            SqlDialect dialect = new SqlDialect("");
            assertFalse(dialect.readsBeforeIdleWrites(c));
            assertTrue(dialect.sharedWithOtherProcesses(c));
            assertEquals("SELECT 1 FOR UPDATE SKIP LOCKED", dialect.lockedAgainstOtherProcesses(c, "SELECT 1"));
            assertEquals("NOT EXISTS (SELECT 1 FROM t e WHERE e.k = o.k AND e.s IN ('A', 'B') AND e.id < o.id)",
                    dialect.noneOf(c, SqlDialectTest.SUBQUERY, "e.s", List.of("'A'", "'B'")));
        } finally {
            database.drop();
        }
    }
}
