package io.hookbot.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.hookbot.webhook.WebhookReception;
import ch.qos.logback.core.read.ListAppender;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.util.List;

import static io.hookbot.testing.WebhookAssertions.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform that fails on a call (a bug, not a refusal) answers 400, stores nothing, and logs one ERROR line with
 * the exception's class and top frame: not its message, which may quote the payload.
 */
class PlatformBugTest {

    @Test
    void aPlatformsBugIsOneErrorLineWithoutThePayload() {
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        Logger reception = (Logger) LoggerFactory.getLogger(WebhookReception.class);
        lines.start();
        reception.addAppender(lines);
        try (TestApp app = TestApp.on(Database.h2())
                .with("test.exploding-platform", "true")
                .with(TestChannel.of("buggy", ExplodingPlatform.ID))
                .start()) {
            HttpResponse<String> response = app.post("buggy", "application/json", "{\"phone\":\"+15550123\"}");

            assertRejected(response, 400, null);
            assertFalse(response.body().contains("+15550123"), response.body());
            List<ILoggingEvent> errors = lines.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertEquals(1, errors.size(), lines.list.toString());
            String line = errors.get(0).getFormattedMessage();
            assertTrue(line.startsWith("Platform exploding failed to read a webhook on buggy: "
                    + "java.lang.IllegalStateException at io.hookbot.channel.ExplodingPlatform.read("), line);
            assertFalse(line.contains("+15550123"), line);
            assertEquals(null, errors.get(0).getThrowableProxy(), "the trace, with the message, is logged at DEBUG");
            assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event"));
        } finally {
            reception.detachAppender(lines);
        }
    }
}
