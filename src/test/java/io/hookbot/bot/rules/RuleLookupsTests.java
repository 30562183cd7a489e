package io.hookbot.bot.rules;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules' lookups in the running application: "first message from this sender" kept in the database across
 * redeliveries and restarts, another user's presence read in the turn's transaction, and a send written to the
 * outbox of the channel it names. Runs on H2 and PostgreSQL.
 */
@OnEachDatabase
class RuleLookupsTests {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RULES = """
            bot: desk
            channels: [sms-main]
            rules:
              - name: welcome
                when: { first-message: true }
                then: [{reply: "welcome {{sender.id}}"}]
                continue: true
              - name: nobody
                when: { keywords: [nobody] }
                then:
                  - send: { channel: chat, to: "{{state.no-such-user}}", text: "lost" }
                  - reply: "sent to nobody"
              - name: agent
                when:
                  keywords: [agent]
                  presence: { user: "7", channel: chat, is: online }
                then:
                  - send: { channel: chat, to: "7", text: "customer {{sender.id}} asks: {{text}}" }
                  - reply: "agent 7 is {{presence.7@chat}}"
              - then: [{reply: "agent 7 is {{presence.7@chat}}"}]
            """;

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.smsGateway("sms-main").secret("s"))
                .with(TestChannel.mqttChat("chat").token("t"))
                .rules("desk.yml", RULES)
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void onlyTheFirstMessageOfASenderIsWelcomedEvenAfterARedeliveryAndARestart() {
        sms(1, "+1555", "hi");
        sms(2, "+1666", "hello");
        assertEquals(List.of("welcome +1555", "agent 7 is offline", "welcome +1666", "agent 7 is offline"), texts("sms-main"));

        HttpResponse<String> again = app.post("sms-main", "application/json", smsBody(1, "+1555", "hi"));
        assertEquals(200, again.statusCode());
        sms(3, "+1555", "me again");
        app.restart();
        sms(4, "+1555", "and again");

        assertEquals(List.of("welcome +1555", "agent 7 is offline", "welcome +1666", "agent 7 is offline",
                "agent 7 is offline", "agent 7 is offline"), texts("sms-main"));
        assertEquals(2, app.count("SELECT COUNT(*) FROM known_sender WHERE channel = 'sms-main'"));
    }

    @Test
    void anotherUsersPresenceDecidesAndTheSendGoesToTheChannelItNames() {
        mqttPresence("online", 100);
        sms(1, "+1555", "I want an agent");

        assertEquals(List.of("welcome +1555", "agent 7 is online"), texts("sms-main"));
        List<Map<String, Object>> sent = app.query("SELECT recipient, payload FROM outbox_message WHERE channel = 'chat'");
        assertEquals(1, sent.size());
        assertEquals("7", sent.get(0).get("recipient"));
        assertEquals("customer +1555 asks: I want an agent", json(sent.get(0).get("payload")).get("text").asText());

        mqttPresence("away", 200);
        sms(2, "+1555", "agent?");
        assertEquals(List.of("welcome +1555", "agent 7 is online", "agent 7 is away"), texts("sms-main"));
    }

    @Test
    void aSendWhoseRecipientComesOutEmptyIsDroppedAndTheTurnGoesOn() {
        sms(1, "+1555", "send it to nobody");
        assertEquals(List.of("welcome +1555", "sent to nobody"), texts("sms-main"));
        assertEquals(0, app.count("SELECT COUNT(*) FROM outbox_message WHERE channel = 'chat'"));
        assertEquals(1, app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'"));
    }

    private void mqttPresence(String status, long timestamp) {
        HttpResponse<String> response = app.postTo("/webhooks/chat?token=t", "application/json",
                "{\"userid\":7,\"status\":\"" + status + "\",\"timestamp\":" + timestamp + "}");
        assertEquals(200, response.statusCode(), response.body());
        settle();
    }

    private void sms(int id, String phone, String text) {
        HttpResponse<String> response = app.post("sms-main", "application/json", smsBody(id, phone, text));
        assertEquals(200, response.statusCode(), response.body());
        settle();
    }

    private static String smsBody(int id, String phone, String text) {
        return "{\"secret\":\"s\",\"type\":\"sms\",\"data\":{\"id\":" + id + ",\"sim\":1,\"device\":\"d1\",\"phone\":\""
                + phone + "\",\"message\":\"" + text + "\",\"timestamp\":" + (1645684300 + id) + "}}";
    }

    private void settle() {
        Eventually.await("every event turned", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status NOT IN ('DONE', 'FAILED')") == 0);
    }

    private List<String> texts(String channel) {
        return app.query("SELECT payload FROM outbox_message WHERE channel = '" + channel + "' ORDER BY event_id, action_index")
                .stream().map(row -> json(row.get("payload")).get("text").asText()).toList();
    }

    private static JsonNode json(Object payload) {
        try {
            return MAPPER.readTree(String.valueOf(payload));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
