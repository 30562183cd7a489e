package io.hookbot.config;

import io.hookbot.testing.AppProcess;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * hookbot as a user starts it: its own process, configured by environment variables only, on the shipped
 * {@code application.yml} and the shipped demo bot ({@code bots/auto-reply.yml}). README step 6 word for word: the
 * channel's secret, send URL, API key and device from the environment; the webhook with the new secret is answered
 * and the reply reaches the gateway with the environment's key, the shipped {@code demo-secret} is refused. A channel
 * defined by environment variables alone is served, and settings of other areas (the admin token, the dispatcher)
 * are read from the environment too.
 */
class EnvironmentVariablesTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String SMS = "secret=%s&type=sms&data[id]=%d&data[device]=00000000-0000-0000-d57d-f30cb6a89289"
            + "&data[sim]=1&data[phone]=%%2B639760713666&data[message]=Hello+World!";

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeGateway gateway;
    private Path work;
    private AppProcess app;

    @BeforeEach
    void setUp() throws IOException {
        gateway = new FakeGateway();
        work = Files.createTempDirectory("hookbot-env");
        Files.createDirectories(work.resolve("bots"));
        Files.copy(Path.of("bots/auto-reply.yml"), work.resolve("bots/auto-reply.yml"));
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    @Test
    void readmeStepSixWorksAsWrittenAndTheDemoSecretIsRefused() throws Exception {
        app = AppProcess.start(work, Map.of(
                "HOOKBOT_CHANNELS_SMS_MAIN_SECRET", "s3cret",
                "HOOKBOT_CHANNELS_SMS_MAIN_SEND_URL", gateway.url(),
                "HOOKBOT_CHANNELS_SMS_MAIN_SEND_API_KEY", "key-from-the-environment",
                "HOOKBOT_CHANNELS_SMS_MAIN_SEND_DEVICE", "00000000-0000-0000-d57d-f30cb6a89289"), Map.of()).awaitUp();

        HttpResponse<String> demo = post("/webhooks/sms-main", SMS.formatted("demo-secret", 1));
        assertEquals(401, demo.statusCode(), demo.body() + log());
        HttpResponse<String> real = post("/webhooks/sms-main", SMS.formatted("s3cret", 2));
        assertEquals(200, real.statusCode(), real.body() + log());

        Eventually.await("the reply at the gateway", Duration.ofSeconds(20),
                () -> gateway.calls("/api/send/sms").size() == 1);
        Map<String, String> sent = gateway.calls("/api/send/sms").get(0).form();
        assertEquals("key-from-the-environment", sent.get("secret"), sent.toString());
        assertEquals("+639760713666", sent.get("phone"));
        assertEquals("00000000-0000-0000-d57d-f30cb6a89289", sent.get("device"));
        assertTrue(sent.get("message").startsWith("Hello +639760713666!"), sent.get("message"));
    }

    @Test
    void aChannelDefinedByEnvironmentVariablesAloneIsServedAndOtherAreasReadTheirsToo() throws Exception {
        app = AppProcess.start(work, Map.of(
                "HOOKBOT_CHANNELS_ROOM42_PLATFORM", "webinato",
                "HOOKBOT_CHANNELS_ROOM42_TOKEN", "room-token",
                "HOOKBOT_ADMIN_TOKEN", "admin-from-env",
                "HOOKBOT_DISPATCHER_ENABLED", "false"), Map.of()).awaitUp();

        HttpResponse<String> batch = post("/webhooks/room42?token=room-token", "inquiry=realTimeChat&roomID=42"
                + "&sender=Webinato&batchNo=1&msgsJSON=" + java.net.URLEncoder.encode(
                "[{\"authorName\":\"Ann\",\"authorRole\":\"0\",\"ts\":\"1600000000\",\"msgID\":\"7\",\"text\":\"hi\"}]",
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, batch.statusCode(), batch.body() + log());

        HttpResponse<String> inbox = http.send(HttpRequest.newBuilder(URI.create(url("/admin/inbox")))
                .header("Authorization", "Bearer admin-from-env").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, inbox.statusCode(), inbox.body());
        assertTrue(inbox.body().contains("\"channel\":\"room42\",\"pending\":1"),
                "stored and, with the dispatcher off by the environment, not turned: " + inbox.body());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return app.url(path);
    }

    private String log() {
        return "\n--- log ---\n" + app.log();
    }
}
