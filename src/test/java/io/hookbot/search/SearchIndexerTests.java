package io.hookbot.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.db.RetentionJob;
import io.hookbot.inbox.EventCodec;
import io.hookbot.inbox.InboxRetention;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search indexer on each database: an event that commits after a later one is still indexed, the cursor
 * survives a restart and indexing again changes nothing, the index ages out with the inbox retention (a word goes
 * with the last message that had it, and stays while an older kept message has it), and a failing indexer makes
 * readiness DOWN and the dashboard's search say the index is behind, until it recovers.
 */
@OnEachDatabase
class SearchIndexerTests {

    static final String TOKEN = "indexer-token";

    @Parameter
    TestDatabase db;

    TestApp app;
    final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private TestApp start(String retention) {
        app = TestApp.on(db.fresh())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.dispatcher.enabled", false)
                .with("hookbot.delivery.enabled", false)
                .with("hookbot.inbox.retention", retention)
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .start();
        return app;
    }

    @Test
    void anEventCommittedAfterALaterOneIsIndexedAndTheCursorSurvivesARestart() throws Exception {
        start("off");
        conversation("a", Instant.now());
        conversation("b", Instant.now());
        event(1, "a", "DONE", Instant.now(), "first words");
        event(3, "a", "DONE", Instant.now(), "third words");
        indexed();
        assertEquals(Set.of("a"), found("third"));
        assertEquals(1, cursor(), "2 may still commit: the cursor stays below it");

        event(2, "b", "DONE", Instant.now(), "second, committed late");
        indexed();
        assertEquals(Set.of("b"), found("late"));
        assertEquals(3, cursor());
        long words = app.count("SELECT COUNT(*) FROM conversation_word");

        app.restart();
        event(4, "b", "DONE", Instant.now(), "after the restart");
        indexed();
        assertEquals(Set.of("b"), found("restart"));
        assertEquals(4, cursor());
        assertEquals(words + 3, app.count("SELECT COUNT(*) FROM conversation_word"), "after, the, restart");
        assertEquals(Set.of("a"), found("words"));
    }

    @Test
    void indexingEverythingAgainChangesNothing() throws Exception {
        start("off");
        conversation("a", Instant.now());
        event(10, "a", "DONE", Instant.now(), "hello hello world");
        event(11, "a", "PENDING", Instant.now(), "hello again");
        indexed();
        List<Map<String, Object>> before = app.query("SELECT word, event_id FROM conversation_word ORDER BY event_id, word");
        try (Connection c = app.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE search_cursor SET indexed_through = 0");
        }
        app.restart();
        indexed();
        assertEquals(before.size(), app.query("SELECT word, event_id FROM conversation_word ORDER BY event_id, word")
                .size());
        assertEquals(3, before.size(), "hello (pointing at the newer event), world, again: " + before);
        assertEquals(Set.of("a"), found("hello again"));
    }

    @Test
    void theIndexAgesOutWithTheInboxRetention() throws Exception {
        start("2h");
        Instant now = Instant.now();
        conversation("kept", now);
        conversation("gone", now.minus(Duration.ofHours(5)));
        event(1, "kept", "FAILED", now.minus(Duration.ofHours(5)), "shared keepme");
        event(2, "kept", "DONE", now.minus(Duration.ofHours(4)), "shared vanishing");
        event(3, "gone", "DONE", now.minus(Duration.ofHours(5)), "solo");
        event(4, "kept", "DONE", now, "fresh");
        indexed();
        assertEquals(Set.of("kept"), found("vanishing"));
        assertEquals(Set.of("gone"), found("solo"));

        InboxRetention retention = app.context().getBean(InboxRetention.class);
        assertEquals(2, retention.purge(now, RetentionJob.STEP), "events 2 and 3; 1 is kept for its status");
        app.context().getBean(SearchIndexer.class).purge(now);

        assertEquals(Set.of(), found("vanishing"), "its only message deleted");
        assertEquals(Set.of(), found("solo"));
        assertEquals(Set.of("kept"), found("shared"), "still in the failed event that is kept");
        assertEquals(Set.of("kept"), found("keepme"));
        assertEquals(Set.of("kept"), found("fresh"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM conversation_word WHERE conversation_key = 'gone'"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM conversation_word w WHERE NOT EXISTS "
                + "(SELECT 1 FROM inbox_event e WHERE e.id = w.event_id)"), "no word points at a deleted event");
    }

    @Test
    void aFailingIndexerMakesReadinessDownAndTheSearchSaysItIsBehind() throws Exception {
        start("off");
        AdminClient admin = new AdminClient(app, TOKEN);
        conversation("a", Instant.now());
        event(1, "a", "DONE", Instant.now().minusSeconds(60), "hello");
        Eventually.await("indexed by the worker", () -> !found("hello").isEmpty());
        assertEquals(200, admin.get("/health/readiness").statusCode());

        try (Connection c = app.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE search_cursor RENAME TO search_cursor_away");
        }
        event(2, "a", "DONE", Instant.now(), "more");
        Eventually.await("readiness DOWN naming the indexer", () -> {
            HttpResponse<String> health = admin.get("/health/readiness");
            return health.statusCode() == 503 && health.body().contains("\"search-indexer\":{\"failing\":true");
        });
        Eventually.await("the search says the index is behind", Duration.ofSeconds(30), () -> {
            try {
                JsonNode page = json.readTree(admin.get("/admin/conversations?q=x").body());
                return page.has("textIndexedUpTo");
            } catch (Exception e) {
                return false;
            }
        });

        try (Connection c = app.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE search_cursor_away RENAME TO search_cursor");
        }
        Eventually.await("readiness UP again", Duration.ofSeconds(60),
                () -> app.get("/health/readiness").statusCode() == 200);
        Eventually.await("the index caught up", () -> found("more").equals(Set.of("a")));
        JsonNode page = json.readTree(admin.get("/admin/conversations?q=more").body());
        assertTrue(!page.has("textIndexedUpTo"), page.toString());
    }

    private Set<String> found(String query) {
        try {
            HttpResponse<String> answer = new AdminClient(app, TOKEN).get("/admin/conversations?limit=100&q="
                    + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, answer.statusCode(), answer.body());
            Set<String> keys = new TreeSet<>();
            json.readTree(answer.body()).get("conversations").forEach(c -> keys.add(c.get("key").asText()));
            return keys;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long cursor() {
        return app.count("SELECT indexed_through FROM search_cursor");
    }

    private void indexed() {
        SearchIndexer indexer = app.context().getBean(SearchIndexer.class);
        while (indexer.indexBatch()) {
            // until it has read every event
        }
    }

    private void conversation(String key, Instant lastTurn) throws SQLException {
        try (Connection c = app.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO conversation "
                + "(channel, conversation_key, state, turns, last_turn_at) VALUES ('sms-main', ?, '{}', 1, ?)")) {
            insert.setString(1, key);
            insert.setObject(2, lastTurn.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void event(long id, String key, String status, Instant received, String text) throws SQLException {
        try (Connection c = app.connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO inbox_event "
                + "(id, channel, dedupe_key, conversation_key, event_type, payload, status, received_at) "
                + "VALUES (?, 'sms-main', ?, ?, 'message', ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "d" + id);
            insert.setString(3, key);
            insert.setString(4, EventCodec.encode(new MessageReceived("sms-main", key, User.of("+1555"), text,
                    MessageKind.TEXT, List.of(), "m" + id, received, null, Map.of())));
            insert.setString(5, status);
            insert.setObject(6, received.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }
}
