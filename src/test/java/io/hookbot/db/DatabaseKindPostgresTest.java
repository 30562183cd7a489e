package io.hookbot.db;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DatabaseKind} on PostgreSQL: not H2, and shared by whoever connects. */
@RequiresPostgres
class DatabaseKindPostgresTest {

    @Test
    void postgresqlIsSharedAndNotH2() throws Exception {
        Database database = Database.postgres();
        try (Connection c = database.connect()) {
            DatabaseKind kind = new DatabaseKind("");
            assertFalse(kind.isH2(c));
            assertTrue(kind.isShared(c));
        } finally {
            database.drop();
        }
    }
}
