package io.hookbot.optout;

import io.hookbot.bot.schedule.SchedulePoller;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestClock;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every way out honours an opt-out: a rule's send to another channel, a schedule's plugin, a plugin answering a
 * message, a reply waiting for its retry when the STOP came; the rules can see it ({@code opted-out:}, templates);
 * channels may share a registry; a second instance on the same database sees it.
 */
@OnEachDatabase
class OptOutEverywhereTests {

    static final String PHONE = "+15550100";
    static final String OTHER = "+15550199";

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    Database database;
    TestApp app;
    TestApp second;

    @BeforeEach
    void setUp() {
        TestClock.set(Instant.parse("2024-05-06T10:30:00Z"));
        gateway = new FakeGateway();
        database = db.fresh();
    }

    TestApp app(String rules) {
        return TestApp.on(database).rules("bot.yml", rules)
                .with("test.clock", "true")
                .with("test.opt-out-relay", "true")
                .with("hookbot.schedules.poll-interval", "300ms")
                .with(sms("sms-main"), sms("sms-alerts"));
    }

    TestChannel sms(String name) {
        return TestChannel.smsGateway(name).secret("demo-secret").sendUrl(gateway.url()).sendApiKey("api-key-1")
                .sendDevice("dev-out");
    }

    @AfterEach
    void tearDown() {
        if (second != null) {
            // the database is the first app's to drop
            second.stop();
        }
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    private List<String> sent() {
        return gateway.calls("/api/send/sms").stream().map(c -> c.form().get("phone") + " " + c.form().get("message"))
                .toList();
    }

    private void post(String channel, String body) {
        assertEquals(200, app.post(channel, SmsBodies.JSON, body).statusCode());
    }

    private void awaitTurned(TestApp on) {
        Eventually.await("every event turned", () -> on.count(
                "SELECT COUNT(*) FROM inbox_event WHERE status NOT IN ('DONE', 'FAILED')") == 0);
    }

    private long suppressed() {
        return app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SUPPRESSED'");
    }

    @Test
    void aScheduleAndAPluginSendingToAnAddressThatOptedOutAreSuppressed() {
        app = app("""
                bot: b
                rules:
                  - name: hourly
                    on: schedule
                    every: 1h
                    then:
                      - plugin: relay
                        with: { channel: sms-main, to: "%s", text: "news" }
                  - name: forward
                    when: { keywords: [forward] }
                    then:
                      - plugin: relay
                        with: { channel: sms-main, to: "%s", text: "forwarded" }
                """.formatted(PHONE, PHONE)).start();
        post("sms-main", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("the confirmation", () -> sent().size() == 1);
        awaitTurned(app);

        post("sms-main", SmsBodies.sms(OTHER, "forward"));
        awaitTurned(app);
        app.context().getBean(SchedulePoller.class).syncIfReloaded();
        TestClock.set(Instant.parse("2024-05-06T11:00:05Z"));
        Eventually.await("the firing", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE channel = '~schedule' "
                + "AND status = 'DONE'") == 1);
        Eventually.await("the plugin's and the schedule's sends suppressed", () -> suppressed() == 2);
        assertEquals(List.of(PHONE + " " + OptOutPolicies.STOP_REPLY), sent());
    }

    @Test
    void aRuleSeesWhoOptedOutAndASendToThemOnAnotherChannelOfTheScopeIsSuppressed() {
        app = app("""
                bot: b
                rules:
                  - name: unsubscribed
                    when: { opted-out: true }
                    then:
                      - send: { channel: sms-alerts, to: "%s", text: "{{sender.id}} left: {{sender.opted-out}}" }
                  - name: ask
                    when:
                      keywords: [status]
                      opted-out: { channel: sms-main, to: "%s", is: false }
                    then:
                      - reply: "still subscribed: {{opted-out.%s@sms-main}}"
                  - name: tell
                    when: { keywords: [relay] }
                    then:
                      - send: { channel: sms-main, to: "%s", text: "hello from a rule" }
                """.formatted(OTHER, PHONE, PHONE, PHONE)).start();
        post("sms-main", SmsBodies.sms(PHONE, "status"));
        Eventually.await("the status", () -> sent().contains(PHONE + " still subscribed: false"));

        post("sms-main", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("the rule's own message to an operator", () ->
                sent().contains(OTHER + " " + PHONE + " left: true"));
        awaitTurned(app);
        post("sms-main", SmsBodies.sms(PHONE, "status"));
        post("sms-main", SmsBodies.sms(OTHER, "relay"));
        awaitTurned(app);
        // the 'unsubscribed' rule fired again for the status message, to OTHER: sent; the relay to PHONE suppressed
        Eventually.await("the relay suppressed", () -> suppressed() == 1);
        Eventually.await("the confirmation", () -> sent().contains(PHONE + " " + OptOutPolicies.STOP_REPLY));
        assertTrue(sent().stream().noneMatch(s -> s.equals(PHONE + " hello from a rule")));
    }

    @Test
    void channelsSharingAScopeShareTheRegistry() {
        app = app("""
                bot: b
                rules:
                  - name: fallback
                    then:
                      - reply: "fallback"
                """);
        app.channel("sms-main").set("opt-out.scope", "acme");
        app.channel("sms-alerts").set("opt-out.scope", "acme");
        app.start();
        post("sms-main", SmsBodies.sms(PHONE, "STOP"));
        awaitTurned(app);
        post("sms-alerts", SmsBodies.sms(PHONE, "hello"));
        awaitTurned(app);
        Eventually.await("both fallbacks suppressed", () -> suppressed() == 2);
        assertEquals("acme", app.query("SELECT scope FROM opt_out").get(0).get("scope"));
        post("sms-alerts", SmsBodies.sms(PHONE, "START"));
        Eventually.await("the opt-in confirmed on the other channel, and its fallback",
                () -> sent().size() == 3);
    }

    @Test
    void aReplyWaitingForItsRetryWhenTheStopCameIsSuppressedAtItsClaim() {
        app = app("""
                bot: b
                rules:
                  - name: hello
                    when: { keywords: [hello] }
                    then:
                      - reply: "hi"
                """).with("hookbot.delivery.backoff", "1s");
        app.start();
        gateway.script(FakeGateway.Answer.http(503));
        post("sms-main", SmsBodies.sms(PHONE, "hello"));
        Eventually.await("the failed first attempt", () -> app.count(
                "SELECT COUNT(*) FROM outbox_attempt WHERE outcome = 'RETRY'") == 1);

        post("sms-main", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("the waiting reply suppressed at its claim", () -> suppressed() == 1);
        Eventually.await("the confirmation", () -> sent().size() == 2);
        assertEquals(PHONE + " " + OptOutPolicies.STOP_REPLY, sent().get(1));
        assertEquals("hi", app.query("SELECT payload FROM outbox_message WHERE status = 'SUPPRESSED'").get(0)
                .get("payload").toString().replaceAll(".*\"text\":\"([^\"]*)\".*", "$1"));
    }

    @Test
    void aSecondInstanceOnTheSameDatabaseSeesTheOptOut() {
        String rules = """
                bot: b
                rules:
                  - name: fallback
                    then:
                      - reply: "fallback"
                """;
        app = app(rules).start();
        post("sms-main", SmsBodies.sms(PHONE, "STOP"));
        Eventually.await("the confirmation", () -> sent().size() == 1);
        awaitTurned(app);

        // both instances run: the second turns the next message and finds the first's opt-out
        second = app(rules).start();
        assertEquals(200, second.post("sms-main", SmsBodies.JSON, SmsBodies.sms(PHONE, "hello")).statusCode());
        awaitTurned(second);
        Eventually.await("the reply suppressed", () -> second.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SUPPRESSED'") == 2);
        assertEquals(1, sent().size());
    }
}
