package io.hookbot.bot.plugins;

import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example plugin of {@code bots/plugins/example}, as its README says to use it: its jar, built by the example's
 * own Maven build (the invoker plugin, in this build's pre-integration-test phase), dropped into the plugins folder
 * of a running hookbot with the example's rule file, answers a webhook. Runs in the integration-test phase; the
 * build passes the jar's and the example's paths as {@code hookbot.example.jar} and {@code hookbot.example.dir}.
 */
class ExamplePluginIT {

    private FakeGateway gateway;
    private TestApp app;

    @BeforeEach
    void setUp() {
        gateway = new FakeGateway();
        app = TestApp.on(Database.h2())
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"));
    }

    @AfterEach
    void tearDown() {
        app.close();
        gateway.close();
    }

    private static Path required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: run this test through the build (mvn verify), "
                    + "which builds the example plugin first");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new IllegalStateException(property + " names " + path + ", which does not exist");
        }
        return path;
    }

    @Test
    void theExamplesJarLoadsIntoARunningHookbotAndAnswersAWebhook() throws IOException {
        Files.createDirectories(app.botsDir().resolve("plugins"));
        Files.copy(required("example.plugin.jar"), app.botsDir().resolve("plugins/faq-plugin-1.0.jar"));
        Files.copy(required("example.plugin.dir").resolve("faq-bot.yml"), app.botsDir().resolve("faq-bot.yml"));
        app.with("hookbot.plugins.faq.fallback", "Sorry, I don't know that one.").start();

        PluginRegistry registry = app.context().getBean(PluginRegistry.class);
        assertEquals(List.of(), registry.failures());
        assertEquals("Answers 5 frequently asked questions from faq.csv", registry.find("faq").plugin().description());
        assertTrue(registry.find("faq").source().endsWith("faq-plugin-1.0.jar"), registry.find("faq").source());

        String question = Samples.read("sms-gateway/sms.form")
                .replace("data%5Bmessage%5D=Hello+World%21", "data%5Bmessage%5D=What+time+do+you+open%3F");
        assertEquals(200, app.post("sms-main", PluginWebhookTest.FORM, question).statusCode());
        assertEquals(200, app.post("sms-main", PluginWebhookTest.FORM, Samples.read("sms-gateway/sms.form")
                .replace("data%5Bid%5D=2", "data%5Bid%5D=3")
                .replace("data%5Bmessage%5D=Hello+World%21", "data%5Bmessage%5D=Do+you+sell+vouchers%3F")).statusCode());

        Eventually.await("the plugin's two answers", () -> sent().size() == 2);
        assertEquals(List.of("We are open Monday to Saturday, 9:00 to 18:00.", "Sorry, I don't know that one."),
                sent());
    }

    private List<String> sent() {
        return gateway.calls("/api/send/sms").stream().map(c -> c.form().get("message")).toList();
    }
}
