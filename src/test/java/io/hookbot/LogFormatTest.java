package io.hookbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.AppProcess;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.FakeGateway.Answer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code HOOKBOT_LOG_FORMAT=json}, with hookbot in its own process as a user starts it: every line it writes is one
 * JSON object, from the first; the lines a turn writes (a plugin cut off on the turn's thread) carry the turn's
 * channel, conversation and event id, and the delivery's lines about its reply (a send the gateway fails) the channel,
 * the conversation and the reply's id; a trace comes as the line's {@code throwable}; no line carries the sender's
 * number or the message's text. Without the setting, the log is text.
 */
class LogFormatTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String ADMIN = "log-admin-token";
    private static final String SMS = "secret=s3cret&type=sms&data[id]=%d&data[device]=00000000-0000-0000-d57d-f30cb6a89289"
            + "&data[sim]=1&data[phone]=%%2B639760713666&data[message]=%s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeGateway gateway;
    private Path work;
    private AppProcess app;

    @BeforeEach
    void setUp() throws IOException {
        gateway = new FakeGateway();
        work = Files.createTempDirectory("hookbot-log");
        Files.createDirectories(work.resolve("bots"));
        Files.writeString(work.resolve("bots/desk.yml"), """
                bot: desk
                rules:
                  - name: answer
                    then:
                      - plugin: broken
                      - reply: "we got it"
                """);
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    @Test
    void everyLineIsJsonAndTheLinesOfATurnAndItsReplyCarryTheirFields() throws Exception {
        // the first send fails, so the delivery logs a retry about the reply
        gateway.script(Answer.http(500));
        app = AppProcess.start(work, Map.of(
                "HOOKBOT_LOG_FORMAT", "json",
                "HOOKBOT_ADMIN_TOKEN", ADMIN,
                "HOOKBOT_CHANNELS_SMS_MAIN_SECRET", "s3cret",
                "HOOKBOT_CHANNELS_SMS_MAIN_SEND_URL", gateway.url(),
                "HOOKBOT_CHANNELS_SMS_MAIN_SEND_API_KEY", "key-1",
                "HOOKBOT_DELIVERY_BACKOFF", "100ms"),
                // the test's bean plugins (a plugin that throws, among them), and the cut-off's trace at DEBUG
                Map.of("test.bean-plugins", "true",
                        "logger.levels.io.hookbot.bot.plugins.PluginRunner", "DEBUG")).awaitUp();

        assertEquals(200, post(SMS.formatted(1, "secret+order+question")).statusCode(), app.log());
        Eventually.await("the reply sent after its retry", Duration.ofSeconds(20),
                () -> gateway.calls("/api/send/sms").size() == 2);
        assertEquals(200, post(SMS.formatted(2, "another+question")).statusCode(), app.log());
        Eventually.await("the second reply sent", Duration.ofSeconds(20),
                () -> gateway.calls("/api/send/sms").size() == 3);

        JsonNode conversations = get("/admin/conversations").get("conversations");
        assertEquals(1, conversations.size(), conversations.toString());
        String conversation = conversations.get(0).get("id").asText();
        List<String> eventIds = new ArrayList<>();
        get("/admin/conversations/" + conversation + "/timeline").get("timeline")
                .forEach(event -> eventIds.add(event.get("id").asText()));
        assertEquals(2, eventIds.size(), eventIds.toString());

        List<JsonNode> lines = new ArrayList<>();
        for (String line : app.log().lines().toList()) {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(line);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line + "\n" + app.log());
            }
            assertTrue(parsed.isObject(), line);
            for (String field : List.of("timestamp", "level", "threadName", "loggerName", "formattedMessage")) {
                assertTrue(parsed.hasNonNull(field), field + " in " + line);
            }
            lines.add(parsed);
        }
        assertTrue(lines.get(0).get("formattedMessage").asText().startsWith("hookbot "), "the first line is JSON too");

        // the plugin cut off in each turn: on the turn's thread, with the turn's fields
        List<JsonNode> cutOffs = lines.stream().filter(l -> l.get("level").asText().equals("ERROR")
                && l.get("formattedMessage").asText().startsWith("Plugin broken cut off")).toList();
        assertEquals(2, cutOffs.size(), app.log());
        for (int i = 0; i < 2; i++) {
            JsonNode mdc = cutOffs.get(i).get("mdc");
            assertEquals("ERROR", cutOffs.get(i).get("level").asText());
            assertEquals("sms-main", mdc.path("channel").asText(), cutOffs.get(i).toString());
            assertEquals(conversation, mdc.path("conversation").asText(), cutOffs.get(i).toString());
            assertEquals(eventIds.get(i), mdc.path("turn").asText(), cutOffs.get(i).toString());
            assertFalse(mdc.has("reply"), cutOffs.get(i).toString());
        }

        // its trace at DEBUG: the line's throwable, with the same fields
        JsonNode traced = lines.stream().filter(l -> l.get("level").asText().equals("DEBUG")
                && l.get("formattedMessage").asText().startsWith("Plugin broken cut off")).findFirst()
                .orElseThrow(() -> new AssertionError("no trace line:\n" + app.log()));
        JsonNode throwable = traced.get("throwable");
        assertEquals("java.lang.IllegalStateException", throwable.path("className").asText(), traced.toString());
        assertTrue(throwable.get("stepArray").isArray() && !throwable.get("stepArray").isEmpty(), traced.toString());
        assertEquals(eventIds.get(0), traced.path("mdc").path("turn").asText(), traced.toString());

        // the delivery's retry of the first reply: the channel, the conversation, the reply; no turn
        JsonNode retry = lines.stream().filter(l -> l.get("formattedMessage").asText().matches("Reply #\\d+ on sms-main "
                + "failed.*")).findFirst().orElseThrow(() -> new AssertionError("no retry line:\n" + app.log()));
        assertEquals("WARN", retry.get("level").asText());
        assertEquals("sms-main", retry.path("mdc").path("channel").asText(), retry.toString());
        assertEquals(conversation, retry.path("mdc").path("conversation").asText(), retry.toString());
        assertTrue(retry.get("formattedMessage").asText().startsWith("Reply #" + retry.path("mdc").path("reply").asText()
                + " "), retry.toString());
        assertFalse(retry.path("mdc").has("turn"), retry.toString());

        // nothing left on a thread after its turn or send: every line with fields is one of those scopes
        for (JsonNode line : lines) {
            JsonNode mdc = line.path("mdc");
            if (mdc.has("turn")) {
                assertTrue(eventIds.contains(mdc.get("turn").asText()) && mdc.has("conversation"), line.toString());
            }
        }
        String log = app.log();
        assertFalse(log.contains("639760713666"), "a phone number in the log:\n" + log);
        assertFalse(log.contains("question"), "a message's text in the log:\n" + log);
    }

    @Test
    void theTextFormatIsTheDefault() {
        app = AppProcess.start(work, Map.of("HOOKBOT_CHANNELS_SMS_MAIN_SECRET", "s3cret"),
                Map.of("test.bean-plugins", "true")).awaitUp();
        String first = app.log().lines().findFirst().orElseThrow();
        assertTrue(first.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO .*hookbot .* starting"), first);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(app.url("/webhooks/sms-main")))
                .header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
