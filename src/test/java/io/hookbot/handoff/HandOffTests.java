package io.hookbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Human mode end to end, with real SMS webhooks on a customer channel and an agents' channel: a rule hands the
 * conversation off, the bot answers nothing from then on (each turn's record says it stepped back), every
 * customer message is forwarded to the agent's phone, the agent's answer reaches the customer after the bot's
 * earlier replies, a release gives the conversation back; the idle timeout releases it by the sweep or at the next
 * turn, both in the timeline; the same after a restart.
 */
@OnEachDatabase
class HandOffTests {

    static final String TOKEN = "handoff-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON_TYPE = "application/json";
    static final String CUSTOMER = "+15550123";
    static final String AGENT = "+15550999";
    static final AtomicInteger IDS = new AtomicInteger(40_000);
    static final String BOT = """
            bot: shop
            guardrails: { replies-per-minute: off }
            rules:
              - name: person
                when: { keywords: [agent] }
                then:
                  - reply: "An agent will answer you shortly"
                  - handoff: { to: { channel: agents, address: "+15550999" }, for: 1h, note: "asked: {{text}}" }
              - name: echo
                when: { regex: '.' }
                then:
                  - reply: "bot: {{text}}"
            """;

    @Parameter
    TestDatabase db;

    FakeGateway customerGateway;
    FakeGateway agentGateway;
    Database database;
    TestApp app;
    AdminClient admin;
    final ObjectMapper json = new ObjectMapper();

    void start(String sweepInterval) {
        start(sweepInterval, BOT, false);
    }

    void start(String sweepInterval, String rules, boolean plugin) {
        customerGateway = new FakeGateway();
        agentGateway = new FakeGateway();
        database = db.fresh();
        app = TestApp.on(database)
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.backoff", "100ms")
                .with("hookbot.handoff.sweep-interval", sweepInterval)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(customerGateway.url()).sendApiKey("k"))
                .with(TestChannel.smsGateway("agents").secret("s2").sendUrl(agentGateway.url()).sendApiKey("k2")
                        .sendDevice("dev-agents"))
                .rules("shop.yml", rules)
                .with("test.escalating-plugin", String.valueOf(plugin))
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (customerGateway != null) {
            customerGateway.close();
            agentGateway.close();
        }
    }

    @Test
    void aRuleHandsOffTheBotIsSilentMessagesGoToTheAgentAndTheAgentsAnswerReachesTheCustomerInOrder()
            throws Exception {
        start("1h");
        sms("hello");
        sms("I want an agent");
        sms("where is my order 77?");
        sms("hello?");
        Eventually.await("the bot's two replies and three forwards sent", () ->
                customerTexts().size() == 2 && agentTexts().size() == 3);
        assertEquals(List.of("bot: hello", "An agent will answer you shortly"), customerTexts(),
                "the bot said nothing after the hand-off");
        List<String> forwarded = agentTexts();
        assertTrue(forwarded.get(0).endsWith(": I want an agent"), forwarded.toString());
        assertTrue(forwarded.get(1).endsWith(": where is my order 77?"), forwarded.toString());
        assertTrue(forwarded.get(2).contains(CUSTOMER), "the agent sees who wrote: " + forwarded);
        agentGateway.calls().forEach(c -> assertEquals(AGENT, c.form().get("phone"), c.form().toString()));

        long id = conversationId();
        JsonNode listed = getJson("/admin/conversations?channel=sms-main").get("conversations").get(0);
        assertEquals("human", listed.get("mode").asText(), listed.toString());
        assertEquals("rule", listed.get("handOff").get("by").asText());
        assertEquals("shop/person", listed.get("handOff").get("detail").asText());
        assertEquals("agents", listed.get("handOff").get("to").get("channel").asText());
        assertEquals(3600, listed.get("handOff").get("idleSeconds").asInt());
        assertEquals("asked: I want an agent", listed.get("handOff").get("note").asText());

        HttpResponse<String> sent = admin.post("/admin/conversations/" + id + "/messages", JSON_TYPE,
                "{\"text\": \"Hi, Ana here: order 77 left today\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        Eventually.await("the agent's answer delivered and recorded", () -> customerTexts().size() == 3
                && app.count("SELECT COUNT(*) FROM outbox_message WHERE status <> 'SENT'") == 0);
        assertEquals("Hi, Ana here: order 77 left today", customerTexts().get(2));
        assertEquals(CUSTOMER, customerGateway.calls().get(2).form().get("phone"), "to the customer's own phone");

        JsonNode timeline = getJson("/admin/conversations/" + id + "/timeline");
        assertTimeline(timeline);
        app.restart();
        admin = new AdminClient(app, TOKEN);
        JsonNode again = getJson("/admin/conversations/" + id + "/timeline");
        assertTimeline(again);
        assertEquals("human", again.get("conversation").get("mode").asText(), "human mode holds across a restart");

        sms("still there?");
        Eventually.await("forwarded after the restart", () -> agentTexts().size() == 4);
        assertEquals(3, customerTexts().size(), "still silent after the restart");

        HttpResponse<String> released = admin.post("/admin/conversations/" + id + "/release");
        assertEquals(200, released.statusCode(), released.body());
        assertEquals("bot", json.readTree(released.body()).get("mode").asText());
        assertEquals(409, admin.post("/admin/conversations/" + id + "/release").statusCode(), "released already");
        sms("hello again");
        Eventually.await("the bot answers again", () -> customerTexts().size() == 4);
        assertEquals("bot: hello again", customerTexts().get(3));
        assertEquals(4, agentTexts().size(), "nothing more forwarded");
        JsonNode log = getJson("/admin/conversations/" + id + "/timeline").get("handOffs");
        JsonNode last = log.get(log.size() - 1);
        assertEquals("release", last.get("kind").asText(), log.toString());
        assertEquals("admin", last.get("by").asText());
    }

    private void assertTimeline(JsonNode timeline) {
        JsonNode events = timeline.get("timeline");
        assertEquals(4, events.size(), timeline.toString());
        assertEquals("answered", events.get(1).get("turn").get("outcome").asText());
        assertTrue(events.get(1).get("turn").get("verdicts").get(0).get("actions").has("handoff"),
                events.get(1).toString());
        assertEquals(2, events.get(1).get("replies").size(), "the bot's reply and the forward");
        for (int i = 2; i < 4; i++) {
            JsonNode turn = events.get(i).get("turn");
            assertEquals("human mode", turn.get("outcome").asText(), turn.toString());
            JsonNode verdict = turn.get("verdicts").get(0);
            assertEquals("stepped back", verdict.get("verdict").asText());
            assertEquals("human-mode", verdict.get("guard").asText());
            assertTrue(verdict.get("reason").asText().contains("rule shop/person"), verdict.toString());
            JsonNode replies = events.get(i).get("replies");
            assertEquals(1, replies.size());
            assertEquals("agents", replies.get(0).get("channel").asText(), "forwarded, not answered");
        }
        JsonNode log = timeline.get("handOffs");
        assertEquals(2, log.size(), log.toString());
        assertEquals("handoff", log.get(0).get("kind").asText());
        assertEquals("rule", log.get(0).get("by").asText());
        assertEquals(events.get(1).get("id").asLong(), log.get(0).get("eventId").asLong());
        assertEquals("message", log.get(1).get("kind").asText());
        assertEquals("SENT", log.get(1).get("replies").get(0).get("status").asText(), log.toString());
        assertEquals("Hi, Ana here: order 77 left today", log.get(1).get("replies").get(0).get("text").asText());
    }

    @Test
    void theAgentsMessageGoesOutAfterTheBotsEarlierReplyThatIsStillBeingRetried() throws Exception {
        start("1h");
        customerGateway.script(FakeGateway.Answer.http(503), FakeGateway.Answer.http(503));
        sms("hello");
        long id = conversationId();
        assertEquals(200, admin.post("/admin/conversations/" + id + "/handoff", JSON_TYPE, "{\"for\": \"1h\"}")
                .statusCode());
        HttpResponse<String> sent = admin.post("/admin/conversations/" + id + "/messages", JSON_TYPE,
                "{\"text\": \"An agent here\"}");
        assertEquals(200, sent.statusCode(), sent.body());
        Eventually.await("both delivered", () -> customerGateway.calls().stream()
                .filter(c -> c.form().get("message") != null).count() >= 4);
        List<String> texts = customerTexts();
        assertEquals(List.of("bot: hello", "bot: hello", "bot: hello", "An agent here"), texts,
                "the bot's reply (twice refused, then sent) before the agent's");
    }

    @Test
    void aPluginHandsOffAndIsNotCalledAgainInHumanMode() throws Exception {
        start("1h", """
                bot: shop
                guardrails: { replies-per-minute: off }
                rules:
                  - name: escalate
                    when: { regex: '.' }
                    then:
                      - plugin: escalator
                """, true);
        int before = EscalatingPlugin.CALLS.get();
        sms("hi");
        sms("I have a complaint");
        sms("my parcel is broken");
        Eventually.await("two replies, two forwards", () -> customerTexts().size() == 2 && agentTexts().size() == 2);
        assertEquals(List.of("plugin: hi", "Passing you to a person"), customerTexts());
        assertEquals(2, EscalatingPlugin.CALLS.get() - before, "not called in human mode");
        JsonNode handOff = getJson("/admin/conversations?channel=sms-main").get("conversations").get(0)
                .get("handOff");
        assertEquals("plugin", handOff.get("by").asText(), handOff.toString());
        assertEquals("shop/escalate via escalator", handOff.get("detail").asText());
        assertEquals("complaint", handOff.get("note").asText());
    }

    @Test
    void anAdminHandOffWaitsForTheTurnThatHoldsTheConversation() throws Exception {
        start("1h");
        sms("hello");
        long id = conversationId();
        try (java.sql.Connection turn = database.connect()) {
            // what a turn holds on its conversation while it runs
            turn.setAutoCommit(false);
            try (var lock = turn.prepareStatement("SELECT id FROM conversation WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> admin.post(
                    "/admin/conversations/" + id + "/handoff", JSON_TYPE, "{\"for\": \"1h\"}"));
            String waiting = db == TestDatabase.H2
                    ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL"
                    : "SELECT COUNT(*) FROM pg_locks WHERE NOT granted";
            Eventually.await("the admin call waiting for the conversation's lock", () -> app.count(waiting) > 0);
            assertFalse(call.isDone(), "it does not go ahead of the turn");
            assertEquals(0, app.count("SELECT COUNT(*) FROM conversation_handoff"));
            turn.commit();
            assertEquals(200, call.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1, app.count("SELECT COUNT(*) FROM conversation_handoff"));
    }

    @Test
    void theSweepReleasesAnIdleHandOffAndTheTimelineSaysSo() throws Exception {
        start("200ms");
        sms("hello");
        Eventually.await("the bot's reply", () -> customerTexts().size() == 1);
        long id = conversationId();
        HttpResponse<String> handedOff = admin.post("/admin/conversations/" + id + "/handoff", JSON_TYPE,
                "{\"for\": \"2s\", \"note\": \"billing question\"}");
        assertEquals(200, handedOff.statusCode(), handedOff.body());
        assertEquals("human", json.readTree(handedOff.body()).get("mode").asText());
        sms("is anyone there?");
        assertEquals("human mode", lastTurnOutcome(id), "the bot stepped back, nothing to forward to");
        assertEquals(0, agentTexts().size());

        Eventually.await("released by the sweep", () -> "bot".equals(getJson("/admin/conversations/" + id
                + "/timeline").get("conversation").get("mode").asText()));
        JsonNode log = getJson("/admin/conversations/" + id + "/timeline").get("handOffs");
        assertEquals(2, log.size(), log.toString());
        assertEquals("admin", log.get(0).get("by").asText());
        assertEquals("billing question", log.get(0).get("note").asText());
        assertEquals("release", log.get(1).get("kind").asText());
        assertEquals("idle", log.get(1).get("by").asText());
        assertTrue(log.get(1).get("eventId").isNull(), "no turn released it");
        assertEquals(1, customerTexts().size());
        sms("hello bot");
        Eventually.await("the bot answers again", () -> customerTexts().size() == 2);

        String metrics = admin.get("/prometheus").body();
        assertTrue(metrics.contains("hookbot_handoffs_total{channel=\"sms-main\",outcome=\"handoff_admin\"} 1.0"),
                metrics);
        assertTrue(metrics.contains("hookbot_handoffs_total{channel=\"sms-main\",outcome=\"release_idle\"} 1.0"),
                metrics);
    }

    @Test
    void anIdleHandOffIsReleasedByTheNextTurnWhenNoSweepCameFirst() throws Exception {
        start("1h");
        sms("I want an agent");
        Eventually.await("reply and forward", () -> customerTexts().size() == 1 && agentTexts().size() == 1);
        long id = conversationId();
        // the same target, a short idle time: the admin call replaces the rule's hand-off
        HttpResponse<String> changed = admin.post("/admin/conversations/" + id + "/handoff", JSON_TYPE,
                "{\"to\": {\"channel\": \"agents\", \"address\": \"+15550999\"}, \"for\": \"1s\"}");
        assertEquals(200, changed.statusCode(), changed.body());
        java.time.Instant releaseAt = java.time.Instant.parse(json.readTree(changed.body()).get("handOff")
                .get("releaseAt").asText());
        Eventually.await("the idle time over", () -> java.time.Instant.now().isAfter(releaseAt));
        sms("hello");
        Eventually.await("the bot answers", () -> customerTexts().size() == 2);
        assertEquals("bot: hello", customerTexts().get(1));
        assertEquals(1, agentTexts().size(), "not forwarded: the hand-off had lapsed");
        JsonNode log = getJson("/admin/conversations/" + id + "/timeline").get("handOffs");
        assertEquals(3, log.size(), log.toString());
        assertEquals("changed", log.get(1).get("detail").asText());
        assertEquals("release", log.get(2).get("kind").asText());
        assertEquals("idle", log.get(2).get("by").asText());
        assertFalse(log.get(2).get("eventId").isNull(), "released by the turn of the message that came after");
    }

    @Test
    void badBodiesAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        start("1h");
        sms("hello");
        long id = conversationId();
        String path = "/admin/conversations/" + id + "/handoff";
        assertRefused(path, "", "body");
        assertRefused(path, "[1]", "body");
        assertRefused(path, "{not json", "body");
        assertRefused(path, "{\"note\": \"x\"}", "for");
        assertRefused(path, "{\"for\": \"forever\"}", "for");
        assertRefused(path, "{\"for\": \"31d\"}", "for");
        assertRefused(path, "{\"for\": 4}", "for");
        assertRefused(path, "{\"for\": \"4h\", \"until\": \"x\"}", "until");
        assertRefused(path, "{\"for\": \"4h\", \"to\": \"agents\"}", "to");
        assertRefused(path, "{\"for\": \"4h\", \"to\": {\"channel\": \"nowhere\", \"address\": \"1\"}}", "to.channel");
        assertRefused(path, "{\"for\": \"4h\", \"to\": {\"channel\": \"agents\"}}", "to.address");
        assertRefused(path, "{\"for\": \"4h\", \"note\": \"" + "n".repeat(1001) + "\"}", "note");
        assertRefused(path, "{\"for\": \"4h\", \"note\": \"a\\u0007b\"}", "note");
        assertRefused("/admin/conversations/" + id + "/messages", "{\"text\": \" \"}", "text");
        assertRefused("/admin/conversations/" + id + "/messages", "{\"txt\": \"hi\"}", "txt");
        assertRefused("/admin/conversations/abc/handoff", "{\"for\": \"4h\"}", "id");
        assertEquals(404, admin.post("/admin/conversations/999999/handoff", JSON_TYPE, "{\"for\": \"4h\"}")
                .statusCode());
        assertEquals(404, admin.post("/admin/conversations/999999/release").statusCode());
        assertEquals(409, admin.post("/admin/conversations/" + id + "/release").statusCode(), "in bot mode");
        assertEquals(0, app.count("SELECT COUNT(*) FROM handoff_log"), "nothing half-stored");
        assertEquals(0, app.count("SELECT COUNT(*) FROM conversation_handoff"));
        assertEquals(401, app.postTo("/admin/conversations/" + id + "/release", JSON_TYPE, "").statusCode(),
                "not without the token");
    }

    private void assertRefused(String path, String body, String field) throws Exception {
        HttpResponse<String> answer = admin.post(path, JSON_TYPE, body);
        assertEquals(400, answer.statusCode(), path + " " + body + ": " + answer.body());
        assertEquals(field, json.readTree(answer.body()).get("field").asText(), answer.body());
    }

    private String lastTurnOutcome(long id) throws Exception {
        JsonNode events = getJson("/admin/conversations/" + id + "/timeline").get("timeline");
        return events.get(events.size() - 1).get("turn").get("outcome").asText();
    }

    private long conversationId() throws Exception {
        JsonNode conversations = getJson("/admin/conversations?channel=sms-main").get("conversations");
        assertEquals(1, conversations.size(), conversations.toString());
        return conversations.get(0).get("id").asLong();
    }

    private List<String> customerTexts() {
        return customerGateway.calls().stream().map(c -> c.form().get("message")).toList();
    }

    private List<String> agentTexts() {
        return agentGateway.calls().stream().map(c -> c.form().get("message")).toList();
    }

    private JsonNode getJson(String path) {
        HttpResponse<String> answer = admin.get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        JsonNode node;
        try {
            node = json.readTree(answer.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertNotNull(node);
        return node;
    }

    private void sms(String text) {
        String body = "secret=s1&type=sms&data%5Bid%5D=" + IDS.incrementAndGet()
                + "&data%5Bdevice%5D=dev-1&data%5Bsim%5D=1&data%5Bphone%5D="
                + URLEncoder.encode(CUSTOMER, StandardCharsets.UTF_8)
                + "&data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
        // one at a time, so the order of the turns is the order of this test
        Eventually.await("the message turned", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status "
                + "<> 'DONE'") == 0);
    }
}
