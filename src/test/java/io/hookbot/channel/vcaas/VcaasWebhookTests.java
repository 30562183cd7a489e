package io.hookbot.channel.vcaas;

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
 * VCaaS end to end: every callback and the data push on one URL, acknowledged with {@code success}, what lands in
 * the inbox, VCaaS's retries, and refusals. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class VcaasWebhookTests {

    static final String JSON = "application/json";
    static final String URL = "/webhooks/classes?token=demo-token";
    static final List<String> SAMPLES = List.of("meeting-start.json", "user-waiting.json", "user-join.json",
            "recording-start.json", "recording-stop-system.json", "end-class.json", "user-leave.json",
            "meeting-end.json", "meeting-data.json");

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.vcaas("classes").token("demo-token"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static void assertSuccess(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("success", response.body());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/plain"),
                response.headers().map().toString());
    }

    @Test
    void everyCallbackAndTheDataPushAreAcknowledgedWithSuccessAndStoredInTheMeeting() {
        for (String sample : SAMPLES) {
            assertSuccess(app.postTo(URL, JSON, Samples.read("vcaas/" + sample)));
        }

        List<Map<String, Object>> rows = app.query(
                "SELECT dedupe_key, conversation_key, event_type, payload FROM inbox_event ORDER BY id");
        assertEquals(SAMPLES.size(), rows.size());
        rows.forEach(row -> assertEquals("meeting:12345", row.get("conversation_key")));
        assertEquals(List.of("meeting", "presence", "presence", "meeting", "meeting", "meeting", "presence",
                "meeting", "meeting"), rows.stream().map(r -> r.get("event_type")).toList());
        assertEquals(List.of("\"STARTED\"", "\"WAITING\"", "\"JOINED\"", "\"RECORDING_STARTED\"",
                        "\"RECORDING_STOPPED\"", "\"CLASS_ENDED\"", "\"LEFT\"", "\"ENDED\"", "\"REPORT\""),
                rows.stream().map(r -> r.get("payload").toString().replaceAll(".*\"(?:type|status)\":(\"[A-Z_]+\").*", "$1"))
                        .toList());
        assertEquals("report:12345", rows.get(8).get("dedupe_key"));
        assertTrue(rows.get(8).get("payload").toString().contains("part-1.mp4"), "the report is kept whole");
        Eventually.await("the turns taken", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == SAMPLES.size());
    }

    @Test
    void vcaasRetriesAreAcknowledgedWithSuccessAndStoredOnce() {
        for (String sample : List.of("user-join.json", "meeting-data.json")) {
            String body = Samples.read("vcaas/" + sample);
            for (int attempt = 0; attempt < 5; attempt++) {
                assertSuccess(app.postTo(URL, JSON, body));
            }
        }
        String asNumbers = Samples.read("vcaas/user-join.json").replace("\"userStatus\": \"0\"", "\"userStatus\": 0");
        assertSuccess(app.postTo(URL, JSON, asNumbers));

        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void refusalsAreJsonNamingTheProblemAndStoreNothing() {
        String join = Samples.read("vcaas/user-join.json");

        assertRejected(app.postTo("/webhooks/classes", JSON, join), 401, null);
        assertRejected(app.postTo("/webhooks/classes?token=guess", JSON, join), 401, null);
        assertRejected(app.postTo(URL, JSON, "{\"meetingUid\": \"12345\", \"timestamp\": \"123456\"\n"
                + " \"meetingStatus\": 1}"), 400, null);
        assertRejected(app.postTo(URL, JSON, "{\"meetingUid\": \"12345\", \"timestamp\": \"123456\"}"), 400, null);
        assertRejected(app.postTo(URL, JSON, join.replace("\"userStatus\": \"0\"", "\"userStatus\": \"9\"")),
                400, "userStatus");
        assertRejected(app.postTo(URL, JSON, "{\"meetingData\": {\"duration\": \"60\"}}"), 400, "meetingData.meetingUid");
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
