package io.hookbot.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.bot.rules.RuleBook;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /admin/conversations/{id}/replay?event=…} after real SMS webhooks and a rule file changed since: the
 * stored event run through the rules in force now, in a dry run — the rule that would fire and why, the reply it
 * would send, the state it would set on top of the conversation's state now — and nothing stored, sent or changed
 * (every table and the gateway as they were). An unknown conversation or event, or an event of another conversation,
 * is a 404; a missing or malformed {@code event} a 400 naming it; the read-only token a 403.
 */
@OnEachDatabase
class ConversationReplayTests {

    static final String TOKEN = "replay-token";
    static final String API = "replay-api-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger IDS = new AtomicInteger(9_000);
    static final String BOT = """
            bot: shop
            guardrails: { replies-per-minute: off }
            rules:
              - name: order-status
                when: { regex: '^order\\s+(?<number>\\d+)' }
                then:
                  - reply: "Order {{match.number}} is on its way"
                  - set: { last-order: "{{match.number}}" }
            """;
    /** The same bot, edited after the messages came in: "thanks" is answered now. */
    static final String EDITED = BOT + """
              - name: thanks
                when: { keywords: [thanks] }
                then:
                  - reply: "You're welcome, about order {{state.last-order}}"
                  - set: { thanked: "yes" }
                  - clear: last-order
            """;
    static final List<String> TABLES = List.of("inbox_event", "outbox_message", "outbox_attempt", "conversation",
            "known_sender", "guardrail_cooldown", "guardrail_reply_rate", "guardrail_block", "presence_user");

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
                .with("hookbot.api.token", API)
                .with("hookbot.rules.reload-interval", "100ms")
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
    void aStoredEventRunsThroughTodaysRulesAndNothingIsStoredOrSent() throws Exception {
        sms("+15550001", "order 123");
        sms("+15550001", "thanks!");
        Eventually.await("both turns taken and the reply sent", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 2
                        && app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);
        long conversation = getJson("/admin/conversations").get("conversations").get(0).get("id").asLong();
        JsonNode events = getJson("/admin/conversations/" + conversation + "/timeline").get("timeline");
        long order = events.get(0).get("id").asLong();
        long thanks = events.get(1).get("id").asLong();
        assertEquals("no rule matched", events.get(1).get("turn").get("outcome").asText(), "then, no rule answered");

        app.rules("shop.yml", EDITED);
        RuleBook rules = app.context().getBean(RuleBook.class);
        Eventually.await("the edited rules in force", () -> rules.bots().get(0).ruleCount() == 2);
        Map<String, Long> before = counts();
        String stateBefore = state(conversation);
        int sentBefore = gateway.calls().size();

        JsonNode now = replay(conversation, thanks);
        assertTrue(now.get("dryRun").asBoolean());
        assertEquals(conversation, now.get("conversation").asLong());
        assertEquals(thanks, now.get("event").asLong());
        assertEquals("would answer", now.get("outcome").asText());
        assertEquals(1, now.get("fired").size(), now.toString());
        JsonNode fired = now.get("fired").get(0);
        assertEquals("shop", fired.get("bot").asText());
        assertEquals("thanks", fired.get("rule").asText());
        assertTrue(fired.get("location").asText().contains("shop.yml"), fired.toString());
        JsonNode reply = now.get("replies").get(0);
        assertEquals(1, now.get("replies").size(), now.toString());
        assertEquals("reply", reply.get("kind").asText());
        assertEquals("sms-main", reply.get("channel").asText());
        assertEquals("You're welcome, about order 123", reply.get("text").asText(), "today's rule, the state now");
        assertEquals("123", now.get("stateBefore").get("last-order").asText());
        assertEquals("yes", now.get("stateSet").get("thanked").asText());
        assertEquals("last-order", now.get("stateCleared").get(0).asText());
        assertEquals(Map.of("thanked", "yes"), json.convertValue(now.get("stateAfter"), Map.class));
        JsonNode orderVerdict = now.get("rules").get(0);
        assertEquals("order-status", orderVerdict.get("rule").asText());
        assertEquals("failed", orderVerdict.get("verdict").asText());
        assertTrue(!orderVerdict.get("reason").asText().isBlank(), "why it did not fire: " + orderVerdict);

        JsonNode again = replay(conversation, order);
        assertEquals("order-status", again.get("fired").get(0).get("rule").asText());
        assertTrue(again.get("fired").get(0).get("reason").asText().contains("123"), again.toString());
        assertEquals("Order 123 is on its way", again.get("replies").get(0).get("text").asText());

        assertEquals(before, counts(), "nothing stored");
        assertEquals(stateBefore, state(conversation), "the conversation's state untouched");
        assertEquals(sentBefore, gateway.calls().size(), "nothing sent");
        assertEquals("no rule matched", getJson("/admin/conversations/" + conversation + "/timeline")
                .get("timeline").get(1).get("turn").get("outcome").asText(), "the turn's record is as it was");
    }

    @Test
    void unknownConversationsAndEventsAre404AndABadEventIs400NamingIt() throws Exception {
        sms("+15550001", "order 1");
        sms("+15550002", "order 2");
        Eventually.await("both turns taken", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 2);
        List<Long> conversations = new ArrayList<>();
        getJson("/admin/conversations").get("conversations").forEach(c -> conversations.add(c.get("id").asLong()));
        long first = conversations.get(0);
        long otherEvent = getJson("/admin/conversations/" + conversations.get(1) + "/timeline").get("timeline")
                .get(0).get("id").asLong();

        assertEquals(404, admin.post("/admin/conversations/999999/replay?event=1").statusCode());
        assertEquals(404, admin.post("/admin/conversations/" + first + "/replay?event=999999").statusCode());
        HttpResponse<String> elsewhere = admin.post("/admin/conversations/" + first + "/replay?event=" + otherEvent);
        assertEquals(404, elsewhere.statusCode(), "an event of another conversation: " + elsewhere.body());
        assertRefused("/admin/conversations/" + first + "/replay?event=abc", "event");
        assertRefused("/admin/conversations/" + first + "/replay?event=0", "event");
        assertRefused("/admin/conversations/" + first + "/replay", "event");
        assertRefused("/admin/conversations/x/replay?event=1", "id");

        assertEquals(403, new AdminClient(app, API).post("/admin/conversations/" + first + "/replay?event="
                + otherEvent).statusCode(), "the read-only token may not");
        assertEquals(401, new AdminClient(app, null).post("/admin/conversations/" + first + "/replay?event="
                + otherEvent).statusCode());
    }

    private JsonNode replay(long conversation, long event) throws Exception {
        HttpResponse<String> answer = admin.post("/admin/conversations/" + conversation + "/replay?event=" + event);
        assertEquals(200, answer.statusCode(), answer.body());
        return json.readTree(answer.body());
    }

    private void assertRefused(String path, String field) throws Exception {
        HttpResponse<String> answer = admin.post(path);
        assertEquals(400, answer.statusCode(), path + ": " + answer.body());
        assertEquals(field, json.readTree(answer.body()).get("field").asText(), answer.body());
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, app.count("SELECT COUNT(*) FROM " + table));
        }
        counts.put("turns", app.count("SELECT COALESCE(SUM(turns), 0) FROM conversation"));
        return counts;
    }

    private String state(long conversation) {
        return String.valueOf(app.query("SELECT state FROM conversation WHERE id = " + conversation).get(0)
                .values().iterator().next());
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
        Eventually.await("the message turned", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status "
                + "<> 'PENDING'") == app.count("SELECT COUNT(*) FROM inbox_event"));
    }
}
