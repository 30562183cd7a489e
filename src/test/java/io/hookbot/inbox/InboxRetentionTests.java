package io.hookbot.inbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.db.RetentionJob;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbox retention on a real database: only turned events older than the retention are deleted, in steps, and
 * a purge picks up where the previous one stopped. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class InboxRetentionTests {

    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    TestApp app;
    InboxRetention retention;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        // the dispatcher off, so that pending rows stay pending; retention 7 days, the default
        app = TestApp.on(database())
                .with("hookbot.dispatcher.enabled", false)
                .with(TestChannel.smsGateway("sms").secret("s1"))
                .start();
        retention = app.context().getBean(InboxRetention.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void onlyTurnedEventsOlderThanTheRetentionAreDeleted() throws SQLException {
        insert("old-done-1", "DONE", NOW.minus(Duration.ofDays(9)));
        insert("old-pending", "PENDING", NOW.minus(Duration.ofDays(9)));
        insert("old-done-2", "DONE", NOW.minus(Duration.ofDays(8)));
        insert("old-failed", "FAILED", NOW.minus(Duration.ofDays(8)));
        insert("old-held", "HELD", NOW.minus(Duration.ofDays(8)));
        insert("old-done-3", "DONE", NOW.minus(Duration.ofDays(7)).minusSeconds(1));
        insert("recent-done", "DONE", NOW.minus(Duration.ofDays(7)).plusSeconds(1));
        insert("new-done", "DONE", NOW.minus(Duration.ofMinutes(1)));

        // steps of two rows: the loop has to go on past steps that delete nothing
        assertEquals(3, retention.purge(NOW, 2));
        assertEquals(List.of("old-pending", "old-failed", "old-held", "recent-done", "new-done"), keys());

        // an hour later the next one is old enough; the scan starts where the last one stopped
        assertEquals(1, retention.purge(NOW.plus(Duration.ofHours(1)), 2));
        assertEquals(List.of("old-pending", "old-failed", "old-held", "new-done"), keys());
        assertEquals(0, retention.purge(NOW.plus(Duration.ofHours(1)), 2));
    }

    @Test
    void aRedeliveryOfADeletedEventIsStoredAgain() throws SQLException {
        String form = "secret=s1&type=sms&data[id]=77&data[device]=d&data[sim]=1&data[phone]=%2B639001&data[message]=hi";
        HttpResponse<String> first = app.post("sms", "application/x-www-form-urlencoded", form);
        assertEquals(200, first.statusCode(), first.body());
        // on H2 the acknowledgement comes from the journal: wait for the row before changing it behind the app's back
        assertEquals(1, app.count("SELECT COUNT(*) FROM inbox_event"));
        try (Connection connection = app.connect(); var update = connection.createStatement()) {
            update.executeUpdate("UPDATE inbox_event SET status = 'DONE'");
        }
        HttpResponse<String> kept = app.post("sms", "application/x-www-form-urlencoded", form);
        assertEquals("{\"stored\":0,\"duplicates\":1}", kept.body().replace(" ", ""));

        assertEquals(1, retention.purge(Instant.now().plus(Duration.ofDays(8)), RetentionJob.STEP));
        HttpResponse<String> again = app.post("sms", "application/x-www-form-urlencoded", form);
        assertEquals("{\"stored\":1,\"duplicates\":0}", again.body().replace(" ", ""));
    }

    private void insert(String key, String status, Instant receivedAt) throws SQLException {
        try (Connection connection = app.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox_event (channel, dedupe_key, conversation_key, event_type, payload, status, "
                        + "received_at) VALUES ('sms', ?, 'c', 'message', '{}', ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, status);
            insert.setObject(3, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private List<String> keys() {
        return app.query("SELECT dedupe_key FROM inbox_event ORDER BY id").stream()
                .map(row -> (String) row.get("dedupe_key")).toList();
    }
}
