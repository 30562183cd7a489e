package io.hookbot.outbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox retention on a real database: only sent replies older than the retention go, with their attempt
 * history; waiting, claimed and dead-lettered ones stay. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class OutboxRetentionTests {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    TestApp app;
    OutboxRetention retention;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database()).with("hookbot.delivery.enabled", false).start();
        retention = app.context().getBean(OutboxRetention.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void onlySentRepliesOlderThanTheRetentionGoWithTheirAttempts() throws SQLException {
        long oldSent = insert(1, "SENT", NOW.minus(Duration.ofDays(9)));
        attempt(oldSent, "RETRY");
        attempt(oldSent, "SENT");
        insert(2, "PENDING", NOW.minus(Duration.ofDays(9)));
        long deadLetter = insert(3, "FAILED", NOW.minus(Duration.ofDays(8)));
        attempt(deadLetter, "EXHAUSTED");
        insert(4, "SENDING", NOW.minus(Duration.ofDays(8)));
        insert(5, "SENT", NOW.minus(Duration.ofDays(8)));
        long recent = insert(6, "SENT", NOW.minus(Duration.ofDays(6)));
        attempt(recent, "SENT");

        assertEquals(2, retention.purge(NOW, 2));
        assertEquals(List.of(2L, 3L, 4L, 6L), eventIds());
        assertEquals(2, app.count("SELECT COUNT(*) FROM outbox_attempt"));
        assertEquals(0, retention.purge(NOW, 2));
    }

    @Test
    void suppressedRepliesGoLikeSentOnes() throws SQLException {
        insert(1, "SUPPRESSED", NOW.minus(Duration.ofDays(9)));
        insert(2, "SUPPRESSED", NOW.minus(Duration.ofDays(6)));
        insert(3, "FAILED", NOW.minus(Duration.ofDays(9)));

        assertEquals(1, retention.purge(NOW, 10));
        assertEquals(List.of(2L, 3L), eventIds());
    }

    private long insert(long eventId, String status, Instant createdAt) throws SQLException {
        try (Connection connection = app.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_message (event_id, action_index, channel, recipient, payload, status, attempts, "
                        + "next_attempt_at, created_at) VALUES (?, 0, 'sms', 'r', '{}', ?, 0, ?, ?)",
                new String[]{"id"})) {
            OffsetDateTime at = OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC);
            insert.setLong(1, eventId);
            insert.setString(2, status);
            insert.setObject(3, at);
            insert.setObject(4, at);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void attempt(long messageId, String outcome) throws SQLException {
        try (Connection connection = app.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox_attempt (message_id, attempted_at, duration_ms, outcome) VALUES (?, ?, 1, ?)")) {
            insert.setLong(1, messageId);
            insert.setObject(2, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
            insert.setString(3, outcome);
            insert.executeUpdate();
        }
    }

    private List<Long> eventIds() {
        return app.query("SELECT event_id FROM outbox_message ORDER BY id").stream()
                .map(row -> ((Number) row.get("event_id")).longValue()).toList();
    }
}
