package io.hookbot.metrics;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.FakeGateway.Answer;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /prometheus} after a scripted conversation: three SMS to a test bot, two of which its rule answers, a
 * redelivery, a call with a wrong secret, one to a channel that is not configured, and a gateway that fails the
 * first send; then each counter has moved by exactly what happened (Micronaut's timer of the senders' HTTP calls
 * too), the gauges read what the tables hold, no label value names the sender, and the scrape needs a token (the
 * read-only api token will do).
 */
@OnEachDatabase
class MetricsTests {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String ADMIN = "admin-token-1";
    static final String API = "api-token-1";
    static final String PHONE = "+15550001234";
    static final String DIGITS = "5550001234";
    static final String RULES = """
            bot: metrics-bot
            rules:
              - name: greeting
                when: { keywords: [hello] }
                then:
                  - reply: "Hi there"
            """;

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    FakeGateway otherGateway;
    TestApp app;
    AdminClient scraper;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        otherGateway = new FakeGateway();
        app = TestApp.on(db.fresh())
                .with("hookbot.admin.token", ADMIN)
                .with("hookbot.api.token", API)
                // every scrape reads the gauges anew, so the test sees a change at once
                .with("hookbot.metrics.refresh", "0s")
                .rules("bot.yml", RULES)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("key-1"),
                        // the generic HTTP sender, its URL naming the recipient: no label may take the path
                        TestChannel.smsGateway("sms-other").secret("s2")
                                .sendHttpUrl(otherGateway.url() + "/send/{{replyTo.phone}}"))
                .start();
        scraper = new AdminClient(app, API);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
        otherGateway.close();
    }

    @Test
    void theCountersMoveByWhatHappenedAndTheGaugesReadTheTables() {
        PrometheusText before = scrape();
        gateway.script(Answer.http(500));
        // the other channel's gateway refuses for good: its reply is a dead letter
        otherGateway.otherwise(Answer.http(400));

        assertEquals(200, app.post("sms-main", FORM, sms("s1", 1, "hello there")).statusCode());
        assertEquals(200, app.post("sms-main", FORM, sms("s1", 2, "goodbye")).statusCode());
        assertEquals(200, app.post("sms-main", FORM, sms("s1", 3, "hello again")).statusCode());
        assertEquals(200, app.post("sms-main", FORM, sms("s1", 1, "hello there")).statusCode(), "a redelivery");
        assertEquals(401, app.post("sms-main", FORM, sms("wrong", 4, "hello")).statusCode());
        assertEquals(404, app.post("nope-" + DIGITS, FORM, sms("s1", 5, "hello")).statusCode());
        assertEquals(200, app.post("sms-other", FORM, sms("s2", 1, "hello")).statusCode());

        Eventually.await("both replies sent, the other one refused, and every turn counted", () -> {
            PrometheusText now = scrape();
            return now.value("hookbot_replies_total", "channel", "sms-main", "outcome", "sent") == 2
                    && now.value("hookbot_replies_total", "channel", "sms-other", "outcome", "refused") == 1
                    && now.value("hookbot_turns_total", "channel", "sms-main", "outcome", "turned") == 3
                    && now.value("hookbot_outbox_dead", "channel", "sms-other") == 1;
        });
        PrometheusText after = scrape();

        Delta delta = new Delta(before, after);
        assertEquals(3, delta.of("hookbot_webhooks_total", "channel", "sms-main", "outcome", "stored"));
        assertEquals(1, delta.of("hookbot_webhooks_total", "channel", "sms-main", "outcome", "duplicate"));
        assertEquals(1, delta.of("hookbot_webhooks_total", "channel", "sms-main", "outcome", "refused_auth"));
        assertEquals(0, delta.of("hookbot_webhooks_total", "channel", "sms-main", "outcome", "refused_payload"));
        assertEquals(0, delta.of("hookbot_webhooks_total", "channel", "sms-main", "outcome", "unavailable"));
        assertEquals(1, delta.of("hookbot_webhooks_total", "channel", "unknown", "outcome", "unknown_channel"));
        assertEquals(1, delta.of("hookbot_webhooks_total", "channel", "sms-other", "outcome", "stored"));
        assertEquals(4, delta.of("hookbot_webhook_ack_seconds_count", "channel", "sms-main"),
                "the stored calls and the redelivery are acknowledged");

        assertEquals(3, delta.of("hookbot_turns_total", "channel", "sms-main", "outcome", "turned"));
        assertEquals(0, delta.of("hookbot_turns_total", "channel", "sms-main", "outcome", "failed"));
        assertEquals(1, delta.of("hookbot_turns_total", "channel", "sms-other", "outcome", "turned"));
        assertEquals(3, delta.of("hookbot_turn_seconds_count", "channel", "sms-main"));
        assertEquals(3, delta.of("hookbot_rule_firings_total", "bot", "metrics-bot", "rule", "greeting"),
                "two on sms-main, one on sms-other");
        assertEquals(0, delta.of("hookbot_guard_blocks_total", "bot", "metrics-bot"));

        assertEquals(1, delta.of("hookbot_replies_total", "channel", "sms-main", "outcome", "retried"));
        assertEquals(2, delta.of("hookbot_replies_total", "channel", "sms-main", "outcome", "sent"));
        assertEquals(0, delta.of("hookbot_replies_total", "channel", "sms-main", "outcome", "dead"));
        assertEquals(1, delta.of("hookbot_replies_total", "channel", "sms-other", "outcome", "refused"));
        assertEquals(3, delta.of("hookbot_reply_send_seconds_count", "channel", "sms-main"));
        assertEquals(3, gateway.calls().size(), "the gateway saw the failed send, its retry and the second reply");
        assertEquals(1, otherGateway.calls().size());
        assertTrue(otherGateway.calls().get(0).path().contains(DIGITS), otherGateway.calls().get(0).path());

        assertEquals(0, after.value("hookbot_inbox_pending", "channel", "sms-main"));
        assertEquals(0, after.value("hookbot_inbox_held", "channel", "sms-main"));
        assertEquals(0, after.value("hookbot_inbox_failed", "channel", "sms-main"));
        assertEquals(0, after.value("hookbot_inbox_oldest_pending_seconds", "channel", "sms-main"));
        assertEquals(0, after.value("hookbot_inbox_quarantined"));
        assertEquals(0, after.value("hookbot_outbox_pending", "channel", "sms-main"));
        assertEquals(0, after.value("hookbot_outbox_dead", "channel", "sms-main"));
        assertEquals(1, after.value("hookbot_outbox_dead", "channel", "sms-other"));
        assertEquals(0, after.value("hookbot_channel_paused", "channel", "sms-main"));
        assertTrue(after.has("hookbot_channel_paused", "channel", "sms-other"), "configured channels read 0 from the start");

        // Micronaut's own: the route template, never the channel in the URL; the JVM; the connection pool
        assertTrue(after.has("http_server_requests_seconds_count", "uri", "/webhooks/{channel}"));
        assertTrue(after.has("jvm_memory_used_bytes"));
        assertTrue(after.has("hikaricp_connections_active"));
        assertTrue(after.has("hikaricp_connections_acquire_seconds_count"));
        // the senders' HTTP clients, timed by Micronaut's client filter: every send the gateways saw, by status;
        // the uri is UNKNOWN, never the path (sms-other's names the recipient)
        assertEquals(2, delta.of("http_client_requests_seconds_count", "method", "POST", "status", "200"));
        assertEquals(1, delta.of("http_client_requests_seconds_count", "method", "POST", "status", "500"));
        assertEquals(1, delta.of("http_client_requests_seconds_count", "method", "POST", "status", "400"));
        assertTrue(after.has("http_client_requests_seconds_count", "status", "200", "uri", "UNKNOWN"));

        List<String> leaks = new ArrayList<>();
        for (PrometheusText.Sample sample : after.samples()) {
            sample.labels().forEach((label, value) -> {
                if (value.contains(DIGITS) || value.contains("nope-") || value.startsWith("sms:")) {
                    leaks.add(sample.name() + "{" + label + "=" + value + "}");
                }
            });
        }
        assertEquals(List.of(), leaks, "label values naming a sender, a conversation or a made-up channel");
    }

    @Test
    void theBacklogGaugesCountWhatWaitsAndAPauseIsOne() {
        app.stop();
        app.with("hookbot.dispatcher.enabled", false);
        app.start();
        otherGateway.otherwise(Answer.http(401));

        app.post("sms-main", FORM, sms("s1", 1, "hello"));
        app.post("sms-main", FORM, sms("s1", 2, "hello"));

        Eventually.await("two events pending on sms-main", () ->
                scrape().value("hookbot_inbox_pending", "channel", "sms-main") == 2);
        PrometheusText waiting = scrape();
        assertTrue(waiting.value("hookbot_inbox_oldest_pending_seconds", "channel", "sms-main") >= 0);
        assertEquals(0, waiting.value("hookbot_turns_total", "channel", "sms-main", "outcome", "turned"));

        app.stop();
        app.with("hookbot.dispatcher.enabled", true);
        app.start();
        app.post("sms-other", FORM, sms("s2", 1, "hello"));

        Eventually.await("sms-main turned and sms-other paused", () -> {
            PrometheusText now = scrape();
            return now.value("hookbot_inbox_pending", "channel", "sms-main") == 0
                    && now.value("hookbot_channel_paused", "channel", "sms-other") == 1;
        });
        PrometheusText paused = scrape();
        assertEquals(1, paused.value("hookbot_replies_total", "channel", "sms-other", "outcome", "paused"));
        assertEquals(1, paused.value("hookbot_outbox_pending", "channel", "sms-other"), "the reply waits");
        assertEquals(0, paused.value("hookbot_channel_paused", "channel", "sms-main"));
    }

    @Test
    void theScrapeIsPrivateAndTheApiTokenMayScrape() {
        assertEquals(401, new AdminClient(app, null).get("/prometheus").statusCode());
        assertEquals(401, new AdminClient(app, "wrong").get("/prometheus").statusCode());
        HttpResponse<String> asReader = new AdminClient(app, API).get("/prometheus");
        assertEquals(200, asReader.statusCode(), asReader.body());
        assertTrue(asReader.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(200, new AdminClient(app, ADMIN).get("/prometheus").statusCode());
    }

    private PrometheusText scrape() {
        HttpResponse<String> response = scraper.get("/prometheus");
        assertEquals(200, response.statusCode(), response.body());
        return PrometheusText.parse(response.body());
    }

    /** An SMS Gateway webhook, as the sample in bots/samples/sms-gateway/sms.form, from {@link #PHONE}. */
    private static String sms(String secret, int id, String text) {
        return "secret=" + secret + "&type=sms&data%5Bid%5D=" + id + "&data%5Bsim%5D=1"
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
}
