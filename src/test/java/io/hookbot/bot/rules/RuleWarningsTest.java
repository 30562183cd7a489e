package io.hookbot.bot.rules;

import ch.qos.logback.classic.Level;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.LogCapture;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running application says at startup, at WARN, what its bots leave silent or answer twice, and says it again
 * when a reload changes it.
 */
class RuleWarningsTest {

    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aChannelNoBotAnswersAndTwoBotsAnsweringOneMessageAreLoggedAtStartupAndWhenTheyChange() {
        try (LogCapture log = new LogCapture(RuleBook.class)) {
            app = TestApp.on(Database.h2())
                    .with(TestChannel.smsGateway("sms-main").secret("s"))
                    .with(TestChannel.webinato("room-42").token("t"))
                    .rules("a.yml", "bot: a\nchannels: [sms-main]\nrules:\n  - then: [{reply: a}]\n")
                    .rules("b.yml", "bot: b\nchannels: [sms-main]\nrules:\n  - then: [{reply: b}]\n")
                    .start();
            List<String> atStartup = log.at(Level.WARN);
            assertEquals(2, atStartup.size(), atStartup.toString());
            assertTrue(atStartup.get(0).startsWith("Rules: warning: channel 'room-42' (webinato) is answered by no bot"),
                    atStartup.toString());
            assertTrue(atStartup.get(1).startsWith("Rules: " + app.botsDir().resolve("b.yml") + ":1:6: warning: bot 'b' "
                    + "and bot 'a' (" + app.botsDir().resolve("a.yml") + ":1:6) can both answer one message on channel "
                    + "'sms-main' (sms-gateway)"), atStartup.toString());
            RuleBook book = app.context().getBean(RuleBook.class);
            assertEquals(2, book.warnings().size());

            app.rules("b.yml", "bot: b\npriority: 5\nrules:\n  - then: [{send: {channel: sms-main, to: \"+1\", text: b}}]\n");
            Eventually.await("the reload", Duration.ofSeconds(5), () -> book.current().bots().get(0).priority() == 5);
            assertEquals(List.of(), book.warnings());
            assertEquals(2, log.at(Level.WARN).size(), "nothing new to say: " + log.at(Level.WARN));

            app.rules("c.yml", "bot: c\npriority: 5\nchannels: [sms-main]\nrules:\n  - then: [{reply: c}]\n");
            Eventually.await("the new warning", Duration.ofSeconds(5), () -> log.at(Level.WARN).size() == 3);
            assertTrue(log.at(Level.WARN).get(2).startsWith("Rules: " + app.botsDir().resolve("c.yml") + ":1:6: warning: "
                    + "bot 'c' and bot 'b'"), log.at(Level.WARN).toString());
        }
    }
}
