package io.hookbot.channel.yalgaar;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.MqttProbe;
import io.hookbot.testing.PrivateMosquitto;
import io.hookbot.testing.RequiresMqttBroker;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies on Yalgaar, end to end: a message posted on a Yalgaar channel's webhook, the rule's reply published over
 * MQTT on the real broker (Mosquitto on 127.0.0.1:1883), read back by a subscriber; a broker that cannot be reached
 * (retried, then a dead letter) and one that refuses the credentials (the channel paused until resumed). Runs on H2
 * and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class YalgaarReplyTests {

    static final String JSON = "application/json";
    static final String CLIENT_KEY = "ck-demo-3f9a2c";
    static final String RULES = """
            bot: echo
            rules:
              - name: echo
                then:
                  - reply: "Echo {{sender.id}}: {{text}}"
            """;

    /** Each test publishes under its own prefix, so nothing another run published can be mistaken for ours. */
    final String prefix = "hookbot-test-" + UUID.randomUUID();
    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    TestApp yalgaarApp(String brokerUrl) {
        return TestApp.on(database()).rules("echo.yml", RULES)
                .with(TestChannel.yalgaar("yalgaar-main").clientKey(CLIENT_KEY).sendBrokerUrl(brokerUrl)
                        .sendTopic(prefix + "/{clientKey}/{channel}").sendTimeout("2s"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @RequiresMqttBroker
    void aMessageOnTheWebhookIsAnsweredOnTheChannelsTopicInOrder() {
        try (MqttProbe probe = MqttProbe.subscribe(RequiresMqttBroker.URL, prefix + "/#")) {
            app = yalgaarApp(RequiresMqttBroker.URL).start();

            assertEquals(200, app.post("yalgaar-main", JSON, Samples.read("yalgaar/message.json")).statusCode());

            Eventually.await("two replies published", () -> probe.received().size() == 2);
            String topic = prefix + "/" + CLIENT_KEY + "/support-lobby";
            assertEquals(List.of(
                    new MqttProbe.Received(topic, "Echo alice-7f3a: hello, is anyone there?", 1),
                    new MqttProbe.Received(topic, "Echo bob-19c2: help", 1)), probe.received());
            Eventually.await("both rows sent", () ->
                    app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND attempts = 1") == 2);
        }
    }

    @Test
    @RequiresMqttBroker
    void aLostConnectionIsMadeAgainForTheNextReplyAndShutdownClosesIt() {
        String clientId = "hookbot-test-" + UUID.randomUUID();
        try (MqttProbe probe = MqttProbe.subscribe(RequiresMqttBroker.URL, prefix + "/#")) {
            app = yalgaarApp(RequiresMqttBroker.URL);
            app.channel("yalgaar-main").sendClientId(clientId);
            app.start();
            app.post("yalgaar-main", JSON, message("alice", "1602511590", "first"));
            Eventually.await("the first reply", () -> probe.received().size() == 1);
            MqttPublisher connection = app.context().getBean(MqttConnections.class).find("yalgaar-main").orElseThrow();
            assertTrue(connection.isConnected());

            // the broker drops the older of two connections with one client id: hookbot's is cut off
            MqttProbe intruder = MqttProbe.subscribe(RequiresMqttBroker.URL, prefix + "/none", clientId, null, null);
            Eventually.await("hookbot's connection lost", () -> !connection.isConnected());
            app.post("yalgaar-main", JSON, message("alice", "1602511591", "second"));

            Eventually.await("the second reply, over a new connection", () -> probe.received().size() == 2);
            assertEquals("Echo alice: second", probe.received().get(1).payload());
            Eventually.await("both rows sent", () ->
                    app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 2);
            intruder.close();

            app.stop();
            assertFalse(connection.isConnected(), "closed with the application");
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedThenDeadLettered() throws IOException {
        app = yalgaarApp("tcp://127.0.0.1:" + closedPort())
                .with("hookbot.delivery.max-attempts", 2).start();

        app.post("yalgaar-main", JSON, message("alice", "1602511590", "anyone?"));

        Eventually.await("the row dead-lettered", Duration.ofSeconds(20), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED'") == 1);
        Map<String, Object> row = app.query("SELECT attempts, last_error FROM outbox_message").get(0);
        assertEquals(2, ((Number) row.get("attempts")).intValue());
        assertTrue(row.get("last_error").toString().contains("gave up after 2 attempts: MQTT broker tcp://127.0.0.1:"),
                row.toString());
        assertEquals(List.of("RETRY", "EXHAUSTED"), app.query("SELECT outcome FROM outbox_attempt ORDER BY id")
                .stream().map(r -> r.get("outcome")).toList());
        assertEquals(0, app.count("SELECT COUNT(*) FROM channel_pause"), "an outage is not a reason to pause");
    }

    @Test
    void wrongCredentialsPauseTheChannelUntilFixedAndResumed() {
        requireMosquittoBinaries();
        try (PrivateMosquitto broker = PrivateMosquitto.admitting("hookbot", "right-password");
             MqttProbe probe = MqttProbe.subscribe(broker.url(), prefix + "/#", "probe-" + UUID.randomUUID(),
                     "hookbot", "right-password")) {
            app = yalgaarApp(broker.url()).with("hookbot.admin.token", "admin-token");
            app.channel("yalgaar-main").sendUsername("hookbot").sendPassword("wrong-password");
            app.start();

            app.post("yalgaar-main", JSON, message("alice", "1602511590", "hello"));

            Eventually.await("the channel paused", () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
            Map<String, Object> row = app.query("SELECT status, attempts FROM outbox_message").get(0);
            assertEquals("PENDING", row.get("status"), "waits for the credentials to be fixed");
            assertEquals(0, ((Number) row.get("attempts")).intValue());
            String reason = app.query("SELECT reason FROM channel_pause").get(0).get("reason").toString();
            assertTrue(reason.contains("send.password"), reason);
            assertEquals(503, app.get("/health").statusCode());

            app.stop();
            app.channel("yalgaar-main").sendPassword("right-password");
            app.start();
            assertEquals(200, new AdminClient(app, "admin-token").post("/admin/channels/yalgaar-main/resume").statusCode());

            Eventually.await("the reply published", () -> probe.received().size() == 1);
            assertEquals("Echo alice: hello", probe.received().get(0).payload());
            Eventually.await("the row sent", () ->
                    app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);
        }
    }

    private static void requireMosquittoBinaries() {
        String message = "mosquitto and mosquitto_passwd are not installed (apt-get install mosquitto);"
                + " the credentials test is skipped";
        if (!PrivateMosquitto.installed() && "true".equals(System.getenv("HOOKBOT_REQUIRE_SERVICES"))) {
            throw new IllegalStateException(message + ", but HOOKBOT_REQUIRE_SERVICES=true");
        }
        Assumptions.assumeTrue(PrivateMosquitto.installed(), message);
    }

    static String message(String user, String timestamp, String text) {
        return "{\"items\":{\"source\":\"Message\",\"clientKey\":\"" + CLIENT_KEY + "\",\"data\":[{\"channel\":"
                + "\"support-lobby\",\"uuid\":\"" + user + "\",\"timestamp\":\"" + timestamp + "\",\"message\":\""
                + text + "\"}]}}";
    }

    /** A loopback port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
