package io.hookbot.bot.plugins;

import io.hookbot.bot.rules.RuleFileException;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plugins in a running hookbot, through real HTTP and H2: a plugin jar dropped into the plugins folder answers a
 * webhook; plugins that throw, hang or fail to load cost their own answer only. On H2 and on PostgreSQL (presence
 * read in the turn's transaction, a held turn rolled back).
 */
@OnEachDatabase
class PluginWebhookTest {

    static final String FORM = "application/x-www-form-urlencoded";
    /** {@code GET /plugins} is private: read with the read-only token, as a dashboard would. */
    static final String API_TOKEN = "plugins-reader-token";

    FakeGateway gateway;
    TestApp app;

    @Parameter
    TestDatabase db;

    @BeforeEach
    void setUp() {
        BeanPlugins.release = new CountDownLatch(1);
        gateway = new FakeGateway();
        app = TestApp.on(database())
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"))
                .with("hookbot.api.token", API_TOKEN);
    }

    Database database() {
        return db.fresh();
    }

    @AfterEach
    void tearDown() {
        BeanPlugins.release.countDown();
        app.close();
        gateway.close();
    }

    private String plugins() {
        HttpResponse<String> answer = new AdminClient(app, API_TOKEN).get("/plugins");
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private List<String> smsSent() {
        return gateway.calls("/api/send/sms").stream().map(c -> c.form().get("message")).toList();
    }

    @Test
    void aJarDroppedIntoThePluginsFolderAnswersAWebhookWithItsSettingsAndTheRulesParameters() {
        new PluginJarBuilder().source("shop.Orders", """
                package shop;
                import io.hookbot.api.*;
                import java.util.List;
                public class Orders implements BotPlugin {
                    public String id() { return "orders"; }
                    public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                        return List.of(Reply.text(turn.setting("prefix", "?") + " " + turn.parameter("who")
                                + " asked '" + turn.text() + "' at " + turn.now()));
                    }
                }
                """).services("shop.Orders").build(app.botsDir().resolve("plugins/orders.jar"));
        app.rules("shop.yml", """
                bot: shop
                rules:
                  - then:
                      - plugin: orders
                        with: { who: "{{sender.id}}" }
                """).with("hookbot.plugins.orders.prefix", "[orders]").start();

        assertEquals(200, app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form")).statusCode());

        Eventually.await("the plugin's reply", () -> smsSent().size() == 1);
        assertTrue(smsSent().get(0).startsWith("[orders] +639760713666 asked 'Hello World!' at 20"), smsSent().get(0));
    }

    @Test
    void aPluginThatThrowsIsCutOffAndTheOtherPluginsAndRulesOfTheTurnStillAnswer() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - name: plugins
                    then:
                      - plugin: broken
                      - plugin: greeter
                    continue: true
                  - name: after
                    then:
                      - reply: "rules still run"
                """).with("test.bean-plugins", "true").with("hookbot.plugins.greeter.salutation", "Mabuhay").start();

        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));

        Eventually.await("both replies", () -> smsSent().size() == 2);
        assertEquals(List.of("Mabuhay +639760713666", "rules still run"), smsSent().stream().sorted().toList());
        Eventually.await("the event done", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 1);
        assertEquals(1, app.context().getBean(PluginFailures.class).count("broken", PluginFailures.Kind.THREW));
    }

    @Test
    void aPluginThatHangsIsCutOffAfterItsBudgetAndTheTurnCompletes() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - then:
                      - plugin: hung
                      - reply: "answered without it"
                """).with("test.bean-plugins", "true").with("hookbot.plugins.timeout", "300ms").start();

        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));

        // the first call hangs the turn's thread and ignores the interrupt, so the turn is rolled
        // back and taken again on another thread, where the now quarantined plugin is cut off on a plugin thread
        Eventually.await("the reply", () -> smsSent().equals(List.of("answered without it")));
        Eventually.await("the event done", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 1);
        assertEquals(2, app.context().getBean(PluginFailures.class).count("hung", PluginFailures.Kind.TIMED_OUT));
        assertEquals(java.util.Set.of("hung"), app.context().getBean(PluginRunner.class).quarantined());
        String endpoint = plugins();
        assertTrue(endpoint.contains("\"quarantined\":[\"hung\"]"), endpoint);
        assertEquals(1, app.count("SELECT COUNT(*) FROM outbox_message"), "the rolled-back turn left nothing behind");
    }

    @Test
    void aPluginReadsPresenceInsideTheTurnsTransactionOnTheTurnsThreadAndOnAPluginThread() {
        for (boolean quarantined : List.of(false, true)) {
            app.rules("bot.yml", """
                    bot: desk
                    rules:
                      - then:
                          - plugin: last-seen
                    """).with("test.bean-plugins", "true").with("hookbot.plugins.timeout", "1s").start();
            if (quarantined) {
                // as if it had overrun once: its calls run on plugin threads from now on
                TestPlugins.overrunOnce(app.context().getBean(PluginRunner.class), "last-seen");
            }

            app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));

            // the sender is first seen by this very turn, uncommitted: only a read in the turn's transaction sees it
            String where = quarantined ? "quarantined" : "on the turn's thread";
            Eventually.await("the reply, " + where, () -> smsSent().size() == 1);
            assertTrue(smsSent().get(0).startsWith("seen 20"), where + ": " + smsSent().get(0));
            assertEquals(quarantined, smsSent().get(0).contains(" on plugin-"), smsSent().get(0));
            app.close();
            gateway.close();
            setUp();
        }
    }

    @Test
    void pluginsThatFailToLoadAreReportedAndTheBotRuns() throws IOException {
        Files.createDirectories(app.botsDir().resolve("plugins"));
        Files.writeString(app.botsDir().resolve("plugins/broken.jar"), "not a jar");
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - then:
                      - plugin: greeter
                """).with("test.bean-plugins", "true").start();

        PluginRegistry registry = app.context().getBean(PluginRegistry.class);
        List<String> failures = registry.failures().stream().map(LoadFailure::toString).toList();
        assertTrue(failures.stream().anyMatch(f -> f.contains("FailsToStart") && f.contains("cannot read faq.csv")),
                failures.toString());
        assertTrue(failures.stream().anyMatch(f -> f.contains("broken.jar: not a readable jar")), failures.toString());
        String endpoint = plugins();
        assertTrue(endpoint.contains("\"greeter\"") && endpoint.contains("cannot read faq.csv"), endpoint);

        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));
        Eventually.await("the greeter's reply", () -> smsSent().equals(List.of("Hello +639760713666")));
    }

    @Test
    void aRuleFileNamingAPluginThatIsNotLoadedStopsTheStartWithItsLocation() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - then:
                      - plugin: greeter
                """);

        RuntimeException e = assertThrows(RuntimeException.class, app::start);
        Throwable cause = e;
        while (cause != null && !(cause instanceof RuleFileException)) {
            cause = cause.getCause();
        }
        assertTrue(cause != null && cause.getMessage().contains("bot.yml:4:17: unknown plugin 'greeter'"),
                String.valueOf(cause == null ? e : cause.getMessage()));
    }
}
