package io.hookbot.bot.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example bots of {@code bots/examples/} run as shipped, in the running application, with the channels of
 * {@code bots/examples/config/application-examples.yml} and the MQTT chat send settings docs/platforms.md gives: the
 * shipped samples posted to them are answered on the channels the examples name.
 */
class ExampleBotsAppTest {

    private static final Path EXAMPLES = Path.of("bots", "examples");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeGateway gateway = new FakeGateway();
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    /** The example configuration's channels, as the app's channels. */
    private static void channelsOfTheExampleConfiguration(TestApp app) throws IOException {
        JsonNode channels = YAML.readTree(EXAMPLES.resolve("config/application-examples.yml").toFile())
                .path("hookbot").path("channels");
        for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = it.next();
            TestChannel settings = TestChannel.of(channel.getKey(), channel.getValue().path("platform").asText());
            channel.getValue().fields().forEachRemaining(setting ->
                    settings.set(setting.getKey(), setting.getValue().asText()));
            app.with(settings);
        }
    }

    /** The {@code send.http} settings of the MQTT chat channel in docs/platforms.md, as written there. */
    private static JsonNode mqttChatSendOfThePlatformsDoc() throws IOException {
        String doc = Files.readString(Path.of("docs", "platforms.md"));
        String section = doc.substring(doc.indexOf("## mqtt-chat"));
        String yaml = section.substring(section.indexOf("```yaml") + "```yaml".length(), section.indexOf("```", section.indexOf("```yaml") + 7));
        return YAML.readTree(yaml).path("hookbot").path("channels").path("chat").path("send").path("http");
    }

    private void start() throws IOException {
        app = TestApp.on(Database.h2());
        channelsOfTheExampleConfiguration(app);
        JsonNode http = mqttChatSendOfThePlatformsDoc();
        app.channel("mqtt-main")
                .sendHttpUrl(http.path("url").asText().replace("https://chat.example.com", gateway.url()))
                .sendHttpBody(http.path("body").asText());
        app.channel("sms-main").sendUrl(gateway.url()).sendApiKey("key")
                .sendDevice("00000000-0000-0000-d57d-f30cb6a89289").sendWhatsappAccount("+15550199");
        try (var files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(RuleFolder::isRuleFile).toList()) {
                app.rules(file.getFileName().toString(), Files.readString(file));
            }
        }
        app.start();
    }

    @Test
    void theExamplesLoadWithoutAWarningAndAnswerTheSamples() throws IOException {
        start();
        RuleBook book = app.context().getBean(RuleBook.class);
        assertEquals(List.of("support-desk", "events", "webinar"), book.bots().stream().map(BotDefinition::name).toList());
        assertEquals(List.of(), book.warnings());

        // events.yml welcomes a user back on the MQTT chat, through the generic HTTP sender, with the doc's body
        assertEquals(200, app.postTo("/webhooks/mqtt-main?token=demo-token", "application/json",
                Samples.read("mqtt-chat/presence-online.json")).statusCode());
        Eventually.await("the welcome back at the chat server", () -> gateway.calls("/api/users/1/messages").size() == 1);
        FakeGateway.Call welcome = gateway.calls("/api/users/1/messages").get(0);
        JsonNode body = JSON.readTree(welcome.body());
        assertEquals("bot-1", body.path("from").asText(), welcome.body());
        assertEquals("Welcome back, 1!", body.path("message").asText(), welcome.body());
        assertTrue(body.path("client_ref").asText().matches("\\d+"), welcome.body());
        assertEquals(0, app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED'"), "nothing dead-lettered");

        // webinar.yml forwards the room's question (and its newcomer) to WhatsApp
        assertEquals(200, app.postTo("/webhooks/room-42?token=demo-token", "application/x-www-form-urlencoded",
                Samples.read("webinato/realtimechat.form")).statusCode());
        Eventually.await("the two WhatsApp messages", () -> gateway.calls("/api/send/whatsapp").size() == 2);
        List<String> whatsapp = gateway.calls("/api/send/whatsapp").stream().map(c -> c.form().get("message")).toList();
        assertEquals("Maria Lopez wrote in room:4520 for the first time.", whatsapp.get(0));
        assertTrue(whatsapp.get(1).startsWith("Question from Maria Lopez in room:4520 at "), whatsapp.toString());
        assertEquals("+15550142", gateway.calls("/api/send/whatsapp").get(0).form().get("recipient"));

        // events.yml announces a VCaaS meeting by SMS
        assertEquals("success", app.postTo("/webhooks/classes?token=demo-token", "application/json",
                Samples.read("vcaas/meeting-start.json")).body());
        Eventually.await("the SMS announcement", () -> gateway.calls("/api/send/sms").size() == 1);
        assertTrue(gateway.calls("/api/send/sms").get(0).form().get("message").startsWith("Meeting 12345 started at "),
                gateway.calls("/api/send/sms").toString());
    }
}
