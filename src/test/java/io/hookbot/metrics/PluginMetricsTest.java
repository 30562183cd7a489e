package io.hookbot.metrics;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plugin meters after a scripted run: each of two messages is handed to a plugin that answers, one that throws
 * and one that overruns its budget (and returns when interrupted), in one rule; the first overrun quarantines the
 * slow one, so the second message's call of it runs on a plugin thread and is cut off there. Then each plugin's
 * {@code hookbot_plugin_calls_total} has moved by exactly that, each call is timed once, the slow one is quarantined
 * once, and a plugin that ignores the interrupt has its turn taken away once. No label names the sender.
 */
class PluginMetricsTest {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String API = "api-token-1";
    static final String PHONE = "+15550001234";
    static final String DIGITS = "5550001234";

    /** Opened at the end of each test, so the plugin that ignores interrupts lets its thread go. */
    static volatile CountDownLatch release = new CountDownLatch(1);

    FakeGateway gateway;
    TestApp app;

    @BeforeEach
    void setUp() {
        release = new CountDownLatch(1);
        gateway = new FakeGateway();
        app = TestApp.on(Database.h2())
                .with("hookbot.api.token", API)
                .with("test.metrics-plugins", "true")
                .with("hookbot.plugins.timeout", "300ms")
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("key-1"));
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        app.close();
        gateway.close();
    }

    @Test
    void eachCallCountsOnceByHowItEndedAndTheOverrunQuarantinesOnce() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - name: plugins
                    then:
                      - plugin: m-answers
                      - plugin: m-throws
                      - plugin: m-overruns
                """).start();
        PrometheusText before = scrape();

        app.post("sms-main", FORM, sms(1, "first"));
        Eventually.await("the first turn done", () -> done() == 1);
        app.post("sms-main", FORM, sms(2, "second"));
        Eventually.await("the second turn done", () -> done() == 2);
        PrometheusText after = scrape();

        Delta delta = new Delta(before, after);
        assertEquals(2, delta.of("hookbot_plugin_calls_total", "plugin", "m-answers", "outcome", "answered"));
        assertEquals(0, delta.of("hookbot_plugin_calls_total", "plugin", "m-answers", "outcome", "threw"));
        assertEquals(2, delta.of("hookbot_plugin_calls_total", "plugin", "m-throws", "outcome", "threw"));
        assertEquals(0, delta.of("hookbot_plugin_calls_total", "plugin", "m-throws", "outcome", "answered"));
        assertEquals(2, delta.of("hookbot_plugin_calls_total", "plugin", "m-overruns", "outcome", "timed_out"),
                "once on the turn's thread, once on a plugin thread");
        assertEquals(0, delta.of("hookbot_plugin_calls_total", "plugin", "m-overruns", "outcome", "answered"));
        for (String plugin : List.of("m-answers", "m-throws", "m-overruns")) {
            assertEquals(0, delta.of("hookbot_plugin_calls_total", "plugin", plugin, "outcome", "invalid"), plugin);
            assertEquals(0, delta.of("hookbot_plugin_calls_total", "plugin", plugin, "outcome", "busy"), plugin);
            assertEquals(2, delta.of("hookbot_plugin_call_seconds_count", "plugin", plugin), plugin);
            assertEquals(0, delta.of("hookbot_plugin_turns_taken_total", "plugin", plugin), plugin);
        }
        assertTrue(after.value("hookbot_plugin_call_seconds_sum", "plugin", "m-overruns") >= 0.6,
                "each overrun waited at least its budget of 300ms");
        assertEquals(1, delta.of("hookbot_plugin_quarantines_total", "plugin", "m-overruns"));
        assertEquals(0, delta.of("hookbot_plugin_quarantines_total", "plugin", "m-answers"));
        assertEquals(0, delta.of("hookbot_plugin_quarantines_total", "plugin", "m-throws"));
        Eventually.await("both replies of the plugin that answers", () -> gateway.calls().size() == 2);

        for (PrometheusText.Sample sample : after.samples()) {
            sample.labels().forEach((label, value) -> assertTrue(!value.contains(DIGITS) && !value.startsWith("sms:"),
                    sample.name() + "{" + label + "=" + value + "}"));
        }
    }

    @Test
    void aCallThatIgnoresTheInterruptHasItsTurnTakenAwayOnce() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - then:
                      - plugin: m-ignores-interrupts
                      - reply: "answered without it"
                """).start();

        app.post("sms-main", FORM, sms(1, "hello"));

        // held on the turn's thread, the turn is rolled back and taken again, where the quarantined plugin is cut
        // off on a plugin thread
        Eventually.await("the turn done", () -> done() == 1);
        PrometheusText after = scrape();
        String plugin = "m-ignores-interrupts";
        assertEquals(1, after.value("hookbot_plugin_turns_taken_total", "plugin", plugin));
        assertEquals(1, after.value("hookbot_plugin_quarantines_total", "plugin", plugin));
        assertEquals(2, after.value("hookbot_plugin_calls_total", "plugin", plugin, "outcome", "timed_out"));
        assertEquals(0, after.value("hookbot_plugin_calls_total", "plugin", plugin, "outcome", "answered"));
    }

    private long done() {
        return app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'");
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = new AdminClient(app, API).get("/prometheus");
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusText.parse(response.body());
    }

    private static String sms(int id, String text) {
        return "secret=s1&type=sms&data%5Bid%5D=" + id + "&data%5Bsim%5D=1"
                + "&data%5Bdevice%5D=00000000-0000-0000-d57d-f30cb6a89289"
                + "&data%5Bphone%5D=" + URLEncoder.encode(PHONE, StandardCharsets.UTF_8)
                + "&data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&data%5Btimestamp%5D=1645684231";
    }

    /** How far a counter moved between two scrapes (one that did not exist yet counts from 0). */
    private record Delta(PrometheusText before, PrometheusText after) {

        double of(String name, String... labels) {
            return after.value(name, labels) - before.value(name, labels);
        }
    }

    /** Answers with a text. */
    @Singleton
    @Requires(property = "test.metrics-plugins", value = "true")
    static class Answers implements BotPlugin {
        @Override
        public String id() {
            return "m-answers";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            return List.of(Reply.text("answered"));
        }
    }

    /** Always throws. */
    @Singleton
    @Requires(property = "test.metrics-plugins", value = "true")
    static class Throws implements BotPlugin {
        @Override
        public String id() {
            return "m-throws";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            throw new IllegalStateException("order service down");
        }
    }

    /** Waits until interrupted, then answers at once: too late. */
    @Singleton
    @Requires(property = "test.metrics-plugins", value = "true")
    static class Overruns implements BotPlugin {
        @Override
        public String id() {
            return "m-overruns";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                // the interrupt at the deadline: answer, too late to count
            }
            return List.of(Reply.text("too late"));
        }
    }

    /** Waits until the test ends, swallowing interrupts. */
    @Singleton
    @Requires(property = "test.metrics-plugins", value = "true")
    static class IgnoresInterrupts implements BotPlugin {
        @Override
        public String id() {
            return "m-ignores-interrupts";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // swallowed on purpose
                }
            }
            return List.of();
        }
    }
}
