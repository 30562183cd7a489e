package io.hookbot.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link DatabaseKind} makes of real H2 connections (PostgreSQL: {@link DatabaseKindPostgresTest}). */
class DatabaseKindTest {

    @Test
    void anEmbeddedH2FileIsH2AndOwnedByThisProcess() throws Exception {
        String url = h2Url("");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DatabaseKind kind = new DatabaseKind(url);
            assertTrue(kind.isH2(c));
            assertFalse(kind.isShared(c), "one process owns an embedded H2 file");
        }
    }

    @Test
    void anH2FileWithAutoServerMayBeShared() throws Exception {
        String url = h2Url(";AUTO_SERVER=TRUE");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            DatabaseKind kind = new DatabaseKind(url);
            assertTrue(kind.isH2(c));
            assertTrue(kind.isShared(c), "AUTO_SERVER lets other processes in");
        }
    }

    private static String h2Url(String settings) throws Exception {
        Path dir = Files.createTempDirectory("hookbot-kind");
        return "jdbc:h2:file:" + dir.resolve("db") + settings;
    }
}
