package io.hookbot.bot.rules;

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
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule files are reloaded within two seconds of an edit, an addition or a removal; a broken edit keeps the last
 * good version in force; a broken file with no good version stops the startup. Through the running application.
 */
class RuleReloadTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    private final FakeGateway gateway = new FakeGateway();
    private TestApp app;

    private static String bot(String reply) {
        return "bot: test\nrules:\n  - name: answer\n    then:\n      - reply: \"" + reply + "\"\n";
    }

    private TestApp configure(TestApp app) {
        return app.with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                .sendApiKey("key"));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    private String replyNow() {
        return Bots.run(app.context().getBean(RuleBook.class).current().bots().get(0), Bots.message("hi")).reply();
    }

    @Test
    void editsAdditionsRemovalsAndBrokenEditsTakeEffectWithinTwoSeconds() throws IOException {
        app = configure(TestApp.on(Database.h2())).rules("bot.yml", bot("v1")).start();
        RuleBook book = app.context().getBean(RuleBook.class);

        app.post("sms-main", "application/x-www-form-urlencoded", Samples.read("sms-gateway/sms.form"));
        Eventually.await("the v1 reply", () -> gateway.calls("/api/send/sms").size() == 1);
        assertEquals("v1", gateway.calls("/api/send/sms").get(0).form().get("message"));

        app.rules("bot.yml", bot("v2"));
        Eventually.await("the edit in force", TWO_SECONDS, () -> "v2".equals(replyNow()));

        app.rules("bot.yml", "bot: test\nrules:\n  - then: [{reply: \"{{sender.nmae}}\"}]\n");
        Eventually.await("the broken edit reported", TWO_SECONDS, () -> !book.problems().isEmpty());
        assertTrue(book.problems().get(0).toString().matches(".*bot\\.yml:3:20: reply: \\{\\{sender\\.nmae}}.*"),
                book.problems().toString());
        assertEquals("v2", replyNow(), "the last good version stays in force");

        app.rules("bot.yml", bot("v3"));
        Eventually.await("the fixed file in force", TWO_SECONDS, () -> "v3".equals(replyNow()) && book.problems().isEmpty());

        app.rules("extra.yml", "bot: extra\nrules:\n  - then: [{reply: extra}]\n");
        Eventually.await("the added file in force", TWO_SECONDS, () -> book.current().bots().size() == 2);
        Files.delete(app.botsDir().resolve("extra.yml"));
        Eventually.await("the removed file out of force", TWO_SECONDS, () -> book.current().bots().size() == 1);

        app.post("sms-main", "application/x-www-form-urlencoded", Samples.read("sms-gateway/sms.form").replace("data%5Bid%5D=", "data%5Bid%5D=9"));
        Eventually.await("the v3 reply", () -> gateway.calls("/api/send/sms").size() == 2);
        assertEquals("v3", gateway.calls("/api/send/sms").get(1).form().get("message"));
    }

    @Test
    void twoFilesWithOneBotNameStopTheStartupNamingBoth() {
        app = configure(TestApp.on(Database.h2())).rules("a.yml", bot("a")).rules("b.yml", bot("b"));
        RuntimeException e = assertThrows(RuntimeException.class, app::start);
        Throwable cause = e;
        while (!(cause instanceof RuleFileException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause.getMessage().contains(app.botsDir().resolve("b.yml") + ":1:6: the bot name 'test' is already taken by "
                + app.botsDir().resolve("a.yml") + ":1:6"), cause.getMessage());
    }

    @Test
    void aBrokenFileWithNoGoodVersionStopsTheStartupWithItsLocation() {
        app = configure(TestApp.on(Database.h2())).rules("bot.yml", "bot: test\nrules:\n  - when: { regex: '(' }\n    then: [{reply: x}]\n");
        RuntimeException e = assertThrows(RuntimeException.class, app::start);
        Throwable cause = e;
        while (!(cause instanceof RuleFileException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof RuleFileException, e.toString());
        assertTrue(cause.getMessage().contains("bot.yml:3:20: regex is not a valid regular expression"), cause.getMessage());
    }
}
