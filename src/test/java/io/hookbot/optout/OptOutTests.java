package io.hookbot.optout;

import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * STOP, START and HELP through a running hookbot with the default keywords of an sms-gateway channel, on SMS and
 * WhatsApp: what the rules would answer an address that opted out is written SUPPRESSED and never reaches the
 * gateway, the confirmation does; START brings the replies back; a STOP delivered twice is confirmed once.
 */
@OnEachDatabase
class OptOutTests {

    static final String RULES = """
            bot: test-bot
            rules:
              - name: greeting
                when: { keywords: [hello] }
                then:
                  - reply: "Hi {{sender.id}}"
              - name: fallback
                then:
                  - reply: "fallback"
            """;
    static final String PHONE = "+15550100";

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    TestApp app;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(db.fresh()).rules("bot.yml", RULES).with(channel()).start();
    }

    TestChannel channel() {
        return TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                .sendApiKey("api-key-1").sendWhatsappAccount("+15559990000");
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    private List<String> sms() {
        return gateway.calls("/api/send/sms").stream().map(c -> c.form().get("message")).toList();
    }

    private List<String> whatsapp() {
        return gateway.calls("/api/send/whatsapp").stream().map(c -> c.form().get("message")).toList();
    }

    private void post(String body) {
        assertEquals(200, app.post("sms-main", SmsBodies.JSON, body).statusCode());
    }

    private void awaitTurned() {
        Eventually.await("every event turned", () -> app.count(
                "SELECT COUNT(*) FROM inbox_event WHERE status NOT IN ('DONE', 'FAILED')") == 0);
    }

    private long rows(String status) {
        return app.count("SELECT COUNT(*) FROM outbox_message WHERE status = '" + status + "'");
    }

    private double suppressedCount() {
        MeterRegistry registry = app.context().getBean(MeterRegistry.class);
        var counter = registry.find("hookbot.replies").tag("channel", "sms-main").tag("outcome", "suppressed")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void stopSuppressesEveryRuleReplyAndStartBringsThemBack() {
        post(SmsBodies.sms(PHONE, "hello"));
        Eventually.await("the greeting", () -> sms().equals(List.of("Hi " + PHONE)));

        post(SmsBodies.sms(PHONE, " Stop "));
        Eventually.await("the confirmation", () -> sms().size() == 2);
        assertEquals(OptOutPolicies.STOP_REPLY, sms().get(1));
        awaitTurned();
        // the fallback rule answered the STOP too: its reply is kept, suppressed, with the reason
        Map<String, Object> fallback = app.query("SELECT status, last_error, action_index FROM outbox_message "
                + "WHERE status = 'SUPPRESSED'").get(0);
        assertEquals(0, ((Number) fallback.get("action_index")).intValue());
        assertTrue(String.valueOf(fallback.get("last_error")).contains("opt-out registry of scope sms-main"));
        Map<String, Object> registered = app.query("SELECT scope, address, channel, source, actor, event_id "
                + "FROM opt_out").get(0);
        assertEquals("sms-main", registered.get("scope"));
        assertEquals(PHONE, registered.get("address"));
        assertEquals("KEYWORD", registered.get("source"));
        assertEquals("stop", registered.get("actor"));

        post(SmsBodies.sms(PHONE, "hello"));
        post(SmsBodies.sms(PHONE, "anything at all"));
        awaitTurned();
        Eventually.await("both replies suppressed", () -> rows("SUPPRESSED") == 3);
        assertEquals(3.0, suppressedCount());
        assertEquals(2, sms().size(), "nothing reached the gateway after the confirmation");

        post(SmsBodies.sms(PHONE, "START"));
        Eventually.await("the opt-in's confirmation and the rule's reply", () -> sms().size() == 4);
        assertEquals(Set.of(OptOutPolicies.START_REPLY, "fallback"), Set.copyOf(sms().subList(2, 4)));
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out"));

        post(SmsBodies.sms(PHONE, "hello"));
        Eventually.await("replies again", () -> sms().size() == 5);
        assertEquals("Hi " + PHONE, sms().get(4));
    }

    @Test
    void everyDefaultStopWordOptsOutAndEveryStartWordOptsBackIn() {
        List<String> stops = List.of("STOP", "stopall", "Unsubscribe", "CANCEL", "end", "QUIT");
        List<String> starts = List.of("START", "unstop", "Yes", "START", "START", "START");
        for (int i = 0; i < stops.size(); i++) {
            String phone = "+1555020" + i;
            post(SmsBodies.sms(phone, stops.get(i)));
            awaitTurned();
            assertEquals(1, app.count("SELECT COUNT(*) FROM opt_out WHERE address = '" + phone + "'"), stops.get(i));
            post(SmsBodies.sms(phone, "hello"));
            awaitTurned();
            post(SmsBodies.sms(phone, starts.get(i)));
            awaitTurned();
            assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out WHERE address = '" + phone + "'"), starts.get(i));
        }
        // per address: the stop's rule reply and the hello's reply suppressed; the confirmations went out
        assertEquals(12, rows("SUPPRESSED"));
        Eventually.await("two confirmations per address and the start's rule reply", () -> sms().size() == 18);
    }

    @Test
    void whatsAppHasItsOwnAddressAndTheSameKeywords() {
        post(SmsBodies.whatsapp(PHONE, "STOP"));
        Eventually.await("the confirmation on WhatsApp", () -> whatsapp().size() == 1);
        assertEquals(OptOutPolicies.STOP_REPLY, whatsapp().get(0));
        assertEquals("whatsapp:" + PHONE, app.query("SELECT address FROM opt_out").get(0).get("address"));

        post(SmsBodies.whatsapp(PHONE, "hello"));
        awaitTurned();
        Eventually.await("the reply suppressed", () -> rows("SUPPRESSED") == 2);
        // the same number by SMS did not opt out
        post(SmsBodies.sms(PHONE, "hello"));
        Eventually.await("the SMS reply", () -> sms().size() == 1);
        assertEquals(1, whatsapp().size());
    }

    @Test
    void helpIsAnsweredAndAMessageThatOnlyContainsStopIsNoOptOut() {
        post(SmsBodies.sms(PHONE, "help"));
        Eventually.await("the help text and the rule's reply", () -> sms().size() == 2);
        assertTrue(sms().contains(OptOutPolicies.HELP_REPLY));

        post(SmsBodies.sms(PHONE, "please stop"));
        post(SmsBodies.sms(PHONE, "STOP!"));
        Eventually.await("ordinary replies", () -> sms().size() == 4);
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out"));
    }

    @Test
    void aStopDeliveredTwiceIsConfirmedOnce() {
        long id = SmsBodies.nextId();
        post(SmsBodies.sms(id, PHONE, "STOP"));
        post(SmsBodies.sms(id, PHONE, "STOP"));
        awaitTurned();
        // a gateway that retries under a new id, or a person who says it again
        post(SmsBodies.sms(PHONE, "STOP"));
        awaitTurned();
        Eventually.await("the confirmation", () -> sms().size() == 1);
        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"), "the retry under the same id was deduped");
        assertEquals(1, app.count("SELECT COUNT(*) FROM outbox_message WHERE action_index = -1"));
        assertEquals(1, app.count("SELECT COUNT(*) FROM opt_out"));
        Eventually.await("the rules' two replies suppressed", () -> rows("SUPPRESSED") == 2);
        assertEquals(1, sms().size());
    }

    @Test
    void anOptOutSurvivesARestart() {
        post(SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("the confirmation", () -> sms().size() == 1);
        awaitTurned();

        app.restart();
        post(SmsBodies.sms(PHONE, "hello"));
        awaitTurned();
        Eventually.await("the reply suppressed", () -> rows("SUPPRESSED") == 2);
        assertEquals(1, sms().size());
    }
}
