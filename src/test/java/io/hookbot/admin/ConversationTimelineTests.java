package io.hookbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conversation timeline through the admin API, after real SMS webhooks: each message with the turn that
 * answered it (the rule that fired and what it captured, the guardrail that blocked, "no rule matched"), the state
 * set, and each reply with its delivery attempts; the same after a restart; the list of conversations, filtered and
 * paged; bad parameters answered 400 naming them; nothing without the admin token.
 */
@OnEachDatabase
class ConversationTimelineTests {

    static final String TOKEN = "timeline-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger IDS = new AtomicInteger(7_000);
    static final String BOT = """
            bot: shop
            guardrails: { replies-per-minute: off }
            rules:
              - name: order-status
                when: { regex: '^order\\s+(?<number>\\d+)' }
                then:
                  - reply: "Order {{match.number}} is on its way"
                  - set: { last-order: "{{match.number}}" }
              - name: hours
                when: { keywords: [hours] }
                guardrails: { cooldown: 1h }
                then:
                  - reply: "We are open 9 to 5"
            """;

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    TestApp app;
    AdminClient admin;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(db.fresh())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.backoff", "100ms")
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("k"))
                .rules("shop.yml", BOT)
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void aConversationsTimelineShowsEachMessageItsTurnsWhyAndItsRepliesAttempts() throws Exception {
        gateway.script(FakeGateway.Answer.http(503));
        sms("+15550001", "order 123");
        sms("+15550001", "what are your hours");
        sms("+15550001", "hours again please");
        sms("+15550001", "thanks!");
        Eventually.await("every turn taken and both replies sent", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 4
                        && app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 2);

        JsonNode list = getJson("/admin/conversations?channel=sms-main");
        assertEquals(1, list.get("conversations").size(), list.toString());
        JsonNode conversation = list.get("conversations").get(0);
        assertTrue(conversation.get("key").asText().contains("+15550001"));
        assertEquals(4, conversation.get("turns").asInt());
        assertEquals(0, conversation.get("pending").asInt());
        assertEquals(0, conversation.get("deadReplies").asInt());

        JsonNode timeline = getJson("/admin/conversations/" + conversation.get("id").asLong() + "/timeline");
        assertTimeline(timeline);

        app.restart();
        JsonNode again = getJson("/admin/conversations/" + conversation.get("id").asLong() + "/timeline");
        assertTimeline(again);
        assertEquals(timeline.get("timeline"), again.get("timeline"), "the same after a restart");
    }

    private void assertTimeline(JsonNode timeline) {
        JsonNode events = timeline.get("timeline");
        assertEquals(4, events.size(), timeline.toString());
        List<String> texts = new ArrayList<>();
        events.forEach(e -> texts.add(e.get("text").asText()));
        assertEquals(List.of("order 123", "what are your hours", "hours again please", "thanks!"), texts);

        JsonNode order = events.get(0);
        assertEquals("message", order.get("kind").asText());
        assertEquals("DONE", order.get("status").asText());
        JsonNode fired = order.get("turn").get("verdicts").get(0);
        assertEquals("fired", fired.get("verdict").asText());
        assertEquals("shop", fired.get("bot").asText());
        assertEquals("order-status", fired.get("rule").asText());
        assertEquals("123", fired.get("captures").get("number").asText());
        assertEquals("123", order.get("turn").get("stateSet").get("last-order").asText());
        JsonNode reply = order.get("replies").get(0);
        assertEquals("Order 123 is on its way", reply.get("text").asText());
        assertEquals("SENT", reply.get("status").asText());
        JsonNode attempts = reply.get("attempts");
        assertEquals(2, attempts.size(), "the 503, then the send: " + attempts);
        assertEquals(503, attempts.get(0).get("statusCode").asInt());
        assertEquals("SENT", attempts.get(1).get("outcome").asText());

        assertEquals("hours", events.get(1).get("turn").get("verdicts").get(0).get("rule").asText());
        assertEquals(1, events.get(1).get("replies").size());
        JsonNode blocked = events.get(2).get("turn").get("verdicts").get(0);
        assertEquals("blocked", blocked.get("verdict").asText());
        assertEquals("cooldown", blocked.get("guard").asText());
        assertTrue(blocked.get("reason").asText().contains("1h"), blocked.toString());
        assertEquals(0, events.get(2).get("replies").size());
        assertEquals("no rule matched", events.get(3).get("turn").get("outcome").asText());
        assertEquals(0, events.get(3).get("turn").get("verdicts").size());
        assertFalse(events.get(3).has("raw"), "the stored form only on ?raw=true");
    }

    @Test
    void theListIsNewestFirstFilteredAndPagedAndTheTimelinePagesBack() throws Exception {
        sms("+15550011", "order 1");
        sms("+15550012", "order 2");
        sms("+15550013", "hello there");
        Eventually.await("three turns", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 3);

        JsonNode first = getJson("/admin/conversations?limit=2");
        assertEquals(2, first.get("conversations").size());
        assertTrue(first.get("conversations").get(0).get("key").asText().contains("+15550013"), first.toString());
        JsonNode second = getJson("/admin/conversations?limit=2&before=" + first.get("next").asText());
        assertEquals(1, second.get("conversations").size());
        assertTrue(second.get("conversations").get(0).get("key").asText().contains("+15550011"));
        assertFalse(second.has("next"));

        assertEquals(1, getJson("/admin/conversations?user=550012").get("conversations").size());
        Eventually.await("the text index has read the messages", () -> {
            try {
                return getJson("/admin/conversations?q=HELLO").get("conversations").size() == 1;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode byText = getJson("/admin/conversations?q=HELLO");
        assertEquals(1, byText.get("conversations").size());
        assertTrue(byText.get("conversations").get(0).get("key").asText().contains("+15550013"));
        assertEquals(0, getJson("/admin/conversations?channel=elsewhere").get("conversations").size());

        long id = byText.get("conversations").get(0).get("id").asLong();
        JsonNode raw = getJson("/admin/conversations/" + id + "/timeline?raw=true&limit=1");
        assertEquals(1, raw.get("timeline").size());
        assertEquals("hello there", raw.get("timeline").get(0).get("raw").get("text").asText(),
                raw.toString());
        assertTrue(raw.has("earlier"));
        JsonNode earlier = getJson("/admin/conversations/" + id + "/timeline?before=" + raw.get("earlier").asLong());
        assertEquals(0, earlier.get("timeline").size());
    }

    @Test
    void badParametersAreRefusedNamingThemAndNothingWithoutTheToken() throws Exception {
        assertRefused("/admin/conversations?limit=0", "limit");
        assertRefused("/admin/conversations?before=yesterday", "before");
        assertRefused("/admin/conversations/abc/timeline", "id");
        assertRefused("/admin/conversations/1/timeline?raw=maybe", "raw");
        assertRefused("/admin/conversations/1/timeline?before=-3", "before");
        assertEquals(404, admin.get("/admin/conversations/999999/timeline").statusCode());
        assertEquals(401, app.get("/admin/conversations").statusCode());
    }

    private void assertRefused(String path, String field) throws Exception {
        HttpResponse<String> answer = admin.get(path);
        assertEquals(400, answer.statusCode(), path + ": " + answer.body());
        assertEquals(field, json.readTree(answer.body()).get("field").asText(), answer.body());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = admin.get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return json.readTree(answer.body());
    }

    private void sms(String phone, String text) {
        String body = "secret=s1&type=sms&data%5Bid%5D=" + IDS.incrementAndGet()
                + "&data%5Bdevice%5D=dev-1&data%5Bsim%5D=1&data%5Bphone%5D=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + "&data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
        // one at a time, so the order of the turns is the order of this test
        Eventually.await("the message stored", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status "
                + "<> 'PENDING'") == app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
