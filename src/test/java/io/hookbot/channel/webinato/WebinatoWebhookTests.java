package io.hookbot.channel.webinato;

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
 * Webinato's webhook end to end: the sample batches posted over HTTP with the URL token, what lands in the inbox,
 * redelivery, and refusals. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class WebinatoWebhookTests {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String URL = "/webhooks/room-42?token=demo-token";

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.webinato("room-42").token("demo-token"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theSampleBatchIsStoredAsOneMessagePerChatLineInTheRoom() {
        HttpResponse<String> response = app.postTo(URL, FORM, Samples.read("webinato/realtimechat.form"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"stored\":3,\"duplicates\":0}", response.body());
        List<Map<String, Object>> rows = app.query(
                "SELECT channel, dedupe_key, conversation_key, event_type, payload FROM inbox_event ORDER BY id");
        Map<String, Object> marker = rows.remove(0);
        assertEquals("batch", marker.get("event_type"), "the call's batch marker first");
        assertTrue(marker.get("dedupe_key").toString().startsWith("batch:4520:3:"), marker.toString());
        assertEquals(List.of("msg:4520:5021:1460727180", "msg:4520:5022:1460727195", "msg:4520:5023:1460727210"),
                rows.stream().map(r -> r.get("dedupe_key")).toList());
        rows.forEach(row -> {
            assertEquals("room-42", row.get("channel"));
            assertEquals("room:4520", row.get("conversation_key"));
            assertEquals("message", row.get("event_type"));
        });
        String first = rows.get(0).get("payload").toString();
        assertTrue(first.contains("\"sequence\":{\"batch\":3,\"position\":5021}"), first);
        assertTrue(first.contains("\"role\":\"attendee\""), first);
        Eventually.await("the turns taken, the marker consumed", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 4);
    }

    @Test
    void aRedeliveredBatchIsAcknowledgedAndStoredOnce() {
        String body = Samples.read("webinato/realtimechat.form");

        HttpResponse<String> first = app.postTo(URL, FORM, body);
        HttpResponse<String> again = app.postTo(URL, FORM, body);

        assertEquals("{\"stored\":3,\"duplicates\":0}", first.body());
        assertEquals(200, again.statusCode());
        assertEquals("{\"stored\":0,\"duplicates\":3}", again.body());
        assertEquals(3, app.count("SELECT COUNT(*) FROM inbox_event WHERE event_type = 'message'"));
        assertEquals(1, app.count("SELECT COUNT(*) FROM inbox_event WHERE event_type = 'batch'"));
    }

    @Test
    void anEmptyBatchIsAcknowledgedAndStoredAsItsBatchMarkerOnly() {
        HttpResponse<String> response = app.postTo(URL, FORM, Samples.read("webinato/empty-batch.form"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"stored\":0,\"duplicates\":0}", response.body(), "no message: the marker is not counted");
        List<Object> keys = app.query("SELECT dedupe_key FROM inbox_event").stream()
                .map(r -> r.get("dedupe_key")).toList();
        assertEquals(1, keys.size());
        assertTrue(keys.get(0).toString().startsWith("batch:4520:4:"), keys.toString());
        Eventually.await("the marker consumed", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 1);
    }

    @Test
    void refusalsAreJsonNamingTheProblemAndStoreNothing() {
        String sample = Samples.read("webinato/realtimechat.form");

        assertRejected(app.postTo("/webhooks/room-42", FORM, sample), 401, null);
        assertRejected(app.postTo("/webhooks/room-42?token=guess", FORM, sample), 401, null);
        assertRejected(app.postTo(URL, FORM, sample.replace("inquiry=realTimeChat", "inquiry=poll")), 400, "inquiry");
        assertRejected(app.postTo(URL, FORM, sample.replace("%22msgID%22%3A%225022%22", "%22msgID%22%3A%22x%22")),
                400, "msgsJSON[1].msgID");
        assertRejected(app.postTo(URL, FORM, sample.replace("msgsJSON=%5B", "msgsJSON=%5B%5B")), 400, "msgsJSON");
        assertRejected(app.postTo(URL, FORM, "inquiry=realTimeChat&roomID=%zz"), 400, "roomID");
        assertRejected(app.postTo(URL, "application/json", "{\"inquiry\":\"realTimeChat\"}"), 415, "Content-Type");
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
