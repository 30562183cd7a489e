package io.hookbot.channel.yalgaar;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.hookbot.testing.WebhookAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Yalgaar end to end: merged Presence and Message calls, what lands in the inbox, redelivery, and the
 * all-or-nothing refusal of a batch. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class YalgaarWebhookTests {

    static final String JSON = "application/json";

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.yalgaar("yalgaar-main").clientKey("ck-demo-3f9a2c"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void presenceAndMessageCallsAreStoredAsOneEventPerEntry() {
        HttpResponse<String> presence = app.post("yalgaar-main", JSON, Samples.read("yalgaar/presence.json"));
        HttpResponse<String> messages = app.post("yalgaar-main", JSON, Samples.read("yalgaar/message.json"));

        assertEquals(200, presence.statusCode(), presence.body());
        assertEquals("{\"stored\":3,\"duplicates\":0}", presence.body());
        assertEquals("{\"stored\":2,\"duplicates\":0}", messages.body());
        List<Map<String, Object>> rows = app.query(
                "SELECT conversation_key, event_type, payload FROM inbox_event ORDER BY id");
        assertEquals(List.of("channel:support-lobby", "channel:support-lobby", "channel:news",
                        "channel:support-lobby", "channel:support-lobby"),
                rows.stream().map(r -> r.get("conversation_key")).toList());
        assertEquals(List.of("presence", "presence", "presence", "message", "message"),
                rows.stream().map(r -> r.get("event_type")).toList());
        String joined = rows.get(0).get("payload").toString();
        assertTrue(joined.contains("\"status\":\"JOINED\"") && joined.contains("\"scope\":\"support-lobby\""), joined);
        Eventually.await("the turns taken", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 5);
    }

    @Test
    void aRedeliveredCallIsAcknowledgedAndStoredOnce() {
        String body = Samples.read("yalgaar/message.json");

        assertEquals("{\"stored\":2,\"duplicates\":0}", app.post("yalgaar-main", JSON, body).body());
        HttpResponse<String> again = app.post("yalgaar-main", JSON, body);

        assertEquals(200, again.statusCode());
        assertEquals("{\"stored\":0,\"duplicates\":2}", again.body());
        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void oneBadEntryRejectsTheWholeBatchAndNothingIsStored() {
        String body = Samples.read("yalgaar/message.json").replace("\"1602511595\"", "\"later\"");

        assertRejected(app.post("yalgaar-main", JSON, body), 400, "items.data[1].timestamp");
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void refusalsAreJsonNamingTheProblemAndStoreNothing() {
        String sample = Samples.read("yalgaar/presence.json");

        assertRejected(app.post("yalgaar-main", JSON, sample.replace("ck-demo-3f9a2c", "guess")), 401, null);
        assertRejected(app.post("yalgaar-main", JSON, sample.replace("\"Presence\"", "\"Publish\"")), 400, "items.source");
        assertRejected(app.post("yalgaar-main", JSON, sample.replace("\"unbind\"", "\"leave\"")), 400, "items.data[2].action");
        assertRejected(app.post("yalgaar-main", JSON, "{\"items\":{\"source\":"), 400, null);
        assertRejected(app.post("yalgaar-main", JSON, "{\"hello\":1}"), 400, "items");
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
