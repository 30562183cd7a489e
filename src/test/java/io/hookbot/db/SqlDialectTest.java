package io.hookbot.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link SqlDialect} writes for an embedded H2 file (PostgreSQL: {@link SqlDialectPostgresTest}). */
class SqlDialectTest {

    static final String SUBQUERY = "SELECT 1 FROM t e WHERE e.k = o.k AND %s AND e.id < o.id";

    @Test
    void anEmbeddedH2FileReadsFirstTakesNoLockAndSplitsTheAntiJoin() throws Exception {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("hookbot-dialect").resolve("db");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            SqlDialect dialect = new SqlDialect(url);
            assertTrue(dialect.readsBeforeIdleWrites(c));
            assertEquals("SELECT 1", dialect.lockedAgainstOtherProcesses(c, "SELECT 1"));
            assertEquals("NOT EXISTS (SELECT 1 FROM t e WHERE e.k = o.k AND e.s = 'A' AND e.id < o.id) AND "
                    + "NOT EXISTS (SELECT 1 FROM t e WHERE e.k = o.k AND e.s = 'B' AND e.id < o.id)",
                    dialect.noneOf(c, SUBQUERY, "e.s", List.of("'A'", "'B'")));
        }
    }
}
