package io.hookbot.channel.mqttchat;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MQTT chat end to end: both callbacks on one URL, what lands in the inbox, redelivery, and refusals that never
 * answer 401 or 403. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class MqttChatWebhookTests {

    static final String JSON = "application/json";
    static final String URL = "/webhooks/chat?token=demo-token";

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.mqttChat("chat").token("demo-token"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void bothCallbacksOnOneUrlAreStoredAsTheirEvents() {
        for (String sample : List.of("presence-online.json", "message-text.json", "message-reply.json",
                "presence-everyone-offline.json")) {
            HttpResponse<String> response = app.postTo(URL, JSON, Samples.read("mqtt-chat/" + sample));
            assertEquals(200, response.statusCode(), sample + ": " + response.body());
            assertEquals("{\"stored\":1,\"duplicates\":0}", response.body(), sample);
        }

        List<Map<String, Object>> rows = app.query(
                "SELECT dedupe_key, conversation_key, event_type, payload FROM inbox_event ORDER BY id");
        assertEquals(List.of("presence:1:online:1602511574", "msg:138946", "msg:138947", "presence:0:offline:1602519000"),
                rows.stream().map(r -> r.get("dedupe_key")).toList());
        assertEquals(List.of("user:1", "chat:2:3601", "chat:2:3601", "user:*"),
                rows.stream().map(r -> r.get("conversation_key")).toList());
        assertEquals(List.of("presence", "message", "message", "presence"),
                rows.stream().map(r -> r.get("event_type")).toList());
        assertTrue(rows.get(1).get("payload").toString().contains("\"replyTo\":{"), rows.get(1).toString());
        Eventually.await("the turns taken", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 4);
    }

    @Test
    void aMessageIsAnsweredThroughTheGenericHttpSenderToTheWriterFromTheUserWrittenTo() {
        try (FakeGateway chatServer = new FakeGateway()) {
            chatServer.otherwise(new FakeGateway.Answer(201, "{\"id\":\"m-1\"}", Map.of(), 0));
            app.stop();
            app.rules("echo.yml",
                    "bot: echo\nrules:\n  - name: echo\n    then:\n      - reply: \"You said {{text}}\"\n");
            app.channel("chat").sendHttpUrl(chatServer.url() + "/api/users/{{replyTo.to}}/messages")
                    .sendHttpBody("{\"from\": \"{{replyTo.from}}\", \"message\": \"{{text}}\"}");
            app.start();

            app.postTo(URL, JSON, Samples.read("mqtt-chat/message-text.json"));

            Eventually.await("the reply posted to the chat server", () -> chatServer.calls().size() == 1);
            FakeGateway.Call call = chatServer.calls().get(0);
            assertEquals("/api/users/2/messages", call.path(), "back to from_userid");
            assertEquals("{\"from\": \"3601\", \"message\": \"You said ok\"}", call.body(), "from to_userid");
            Eventually.await("the row sent with the server's id", () -> app.count(
                    "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND reference = 'm-1'") == 1);
        }
    }

    @Test
    void aRedeliveredCallbackIsAcknowledgedAndStoredOnce() {
        for (String sample : List.of("message-text.json", "presence-online.json")) {
            String body = Samples.read("mqtt-chat/" + sample);
            assertEquals("{\"stored\":1,\"duplicates\":0}", app.postTo(URL, JSON, body).body());
            HttpResponse<String> again = app.postTo(URL, JSON, body);
            assertEquals(200, again.statusCode());
            assertEquals("{\"stored\":0,\"duplicates\":1}", again.body());
        }
        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void aBadTokenIs404SoTheCallbackUrlIsNotDisabled() {
        String sample = Samples.read("mqtt-chat/message-text.json");

        assertRejected(app.postTo("/webhooks/chat", JSON, sample), 404, null);
        assertRejected(app.postTo("/webhooks/chat?token=guess", JSON, sample), 404, null);
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void badPayloadsAre4xxNamingTheProblemNever401Or403() {
        assertRejected(app.postTo("/webhooks/chat?token=guess", "text/plain", "{}"), 415, "Content-Type");
        assertRejected(app.postTo(URL, JSON, "{\"userid\":1,\"status\":"), 400, null);
        assertRejected(app.postTo(URL, JSON, "{\"hello\":\"world\"}"), 400, null);
        assertRejected(app.postTo(URL, JSON, "{\"userid\":1,\"status\":\"sleeping\",\"timestamp\":1}"), 400, "status");
        assertRejected(app.postTo(URL, JSON, Samples.read("mqtt-chat/message-text.json").replace("\"type\":0", "\"type\":9")),
                400, "message.type");
        assertRejected(app.postTo(URL, "application/x-www-form-urlencoded", "userid=1&status=online"), 415, "Content-Type");
        assertRejected(app.postTo(URL, JSON, "{\"userid\":1,\"status\":\"online\"}"), 400, "timestamp");
        HttpResponse<String> empty = app.postTo(URL, JSON, "");
        assertRejected(empty, 400, null);
        assertNotEquals(401, empty.statusCode());
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
