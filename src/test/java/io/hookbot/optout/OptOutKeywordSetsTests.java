package io.hookbot.optout;

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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keyword sets and platforms other than the defaults: a channel's own words in its languages, the confirmation in
 * the bot's own words, a chat platform that turns opt-outs on, and an SMS channel that turns them off.
 */
@OnEachDatabase
class OptOutKeywordSetsTests {

    static final String PHONE = "+34600000001";
    static final String RULES = """
            bot: b
            rules:
              - name: goodbye
                when: { opted-out: true }
                then:
                  - reply: "Adiós, {{sender.id}}: no more messages."
              - name: fallback
                then:
                  - reply: "fallback"
            """;

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    TestApp app;

    @BeforeEach
    void setUp() {
        gateway = new FakeGateway();
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    private TestChannel sms() {
        return TestChannel.smsGateway("sms-es").secret("demo-secret").sendUrl(gateway.url()).sendApiKey("k");
    }

    private List<String> sms(TestApp on) {
        return gateway.calls("/api/send/sms").stream().map(c -> c.form().get("message")).toList();
    }

    private void post(String channel, String body) {
        assertEquals(200, app.post(channel, SmsBodies.JSON, body).statusCode());
    }

    private void awaitTurned() {
        Eventually.await("every event turned", () -> app.count(
                "SELECT COUNT(*) FROM inbox_event WHERE status NOT IN ('DONE', 'FAILED')") == 0);
    }

    @Test
    void aChannelsOwnWordsWithTheConfirmationInTheBotsWords() {
        app = TestApp.on(db.fresh()).rules("bot.yml", RULES).with(sms()
                .set("opt-out.stop-words", "BAJA,ARRET")
                .set("opt-out.start-words", "ALTA")
                .set("opt-out.confirm-with", "rules")).start();
        post("sms-es", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("an ordinary reply", () -> sms(app).equals(List.of("fallback")));
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out"), "STOP is not one of this channel's words");

        post("sms-es", SmsBodies.sms(PHONE, "Arrêt"));
        Eventually.await("the bot's own confirmation", () -> sms(app).size() == 2);
        assertEquals("Adiós, " + PHONE + ": no more messages.", sms(app).get(1));
        awaitTurned();
        assertEquals(0, app.count("SELECT COUNT(*) FROM outbox_message WHERE action_index = -1"),
                "hookbot's text is not sent when the rules confirm");

        post("sms-es", SmsBodies.sms(PHONE, "baja"));
        post("sms-es", SmsBodies.sms(PHONE, "hola"));
        awaitTurned();
        Eventually.await("both rule replies suppressed", () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SUPPRESSED'") == 2);

        post("sms-es", SmsBodies.sms(PHONE, "alta"));
        Eventually.await("back in: the rules' reply is the confirmation", () -> sms(app).size() == 3);
        assertEquals("fallback", sms(app).get(2));
    }

    @Test
    void withoutARuleThatAnswersHookbotConfirmsAlsoWhenTheRulesShouldHave() {
        app = TestApp.on(db.fresh()).rules("bot.yml", """
                bot: b
                rules:
                  - name: hello
                    when: { keywords: [hello] }
                    then: [{reply: "hi"}]
                """).with(sms().set("opt-out.confirm-with", "rules")
                .set("opt-out.stop-reply", "Dado de baja.")).start();
        post("sms-es", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("hookbot's confirmation", () -> sms(app).equals(List.of("Dado de baja.")));
    }

    @Test
    void aChatChannelThatTurnsOptOutsOnHonoursThem() {
        app = TestApp.on(db.fresh()).rules("bot.yml", RULES).with(TestChannel.mqttChat("chat").token("demo-token")
                .sendHttpUrl(gateway.url() + "/chat").set("opt-out.enabled", "true")).start();
        String stop = "{\"from_userid\":2,\"message\":{\"id\":1,\"message\":\"stop\",\"p1\":\"\",\"p2\":\"\","
                + "\"p3\":\"\",\"timestamp\":1602511586,\"type\":0},\"to_userid\":3601}";
        assertEquals(200, app.postTo("/webhooks/chat?token=demo-token", "application/json", stop).statusCode());
        Eventually.await("the confirmation", () -> gateway.calls("/chat").size() == 1);
        assertTrue(gateway.calls("/chat").get(0).body().contains("unsubscribed"), gateway.calls("/chat").get(0).body());
        assertEquals("chat:2:3601", app.query("SELECT address FROM opt_out").get(0).get("address"),
                "a chat's address is its conversation");
        assertEquals(200, app.postTo("/webhooks/chat?token=demo-token", "application/json",
                stop.replace("\"id\":1", "\"id\":2").replace("stop", "hello")).statusCode());
        awaitTurned();
        Eventually.await("the replies suppressed", () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SUPPRESSED'") == 2);
        assertEquals(1, gateway.calls("/chat").size());
    }

    @Test
    void anSmsChannelThatTurnsThemOffTreatsStopAsAnyMessage() {
        app = TestApp.on(db.fresh()).rules("bot.yml", RULES).with(sms().set("opt-out.enabled", "false")).start();
        post("sms-es", SmsBodies.sms(PHONE, "STOP"));
        post("sms-es", SmsBodies.sms(PHONE, "hello"));
        Eventually.await("two ordinary replies", () -> sms(app).equals(List.of("fallback", "fallback")));
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out"));
    }
}
