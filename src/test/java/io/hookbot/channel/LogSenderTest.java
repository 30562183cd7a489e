package io.hookbot.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dry-run sender says at INFO that a reply went nowhere; who it was for and what it said only at DEBUG. */
class LogSenderTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void attach() {
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void detach() {
        root.detachAppender(lines);
    }

    @Test
    void theInfoLineHasNeitherRecipientNorText() {
        OutboundMessage reply = new OutboundMessage(7, "sms-main", Map.of("medium", "sms", "phone", "+639760713666"),
                "Hello +639760713666! 😀", List.of());

        assertEquals(new SendResult.Sent("dry-run"), new LogSender().send(reply));

        List<ILoggingEvent> info = lines.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO)).toList();
        assertEquals(1, info.size());
        assertEquals("DRY RUN reply #7 on sms-main: 22 characters", info.get(0).getFormattedMessage());
        List<ILoggingEvent> debug = lines.list.stream().filter(e -> e.getLevel() == Level.DEBUG).toList();
        assertEquals(1, debug.size(), "the shipped logback.xml enables " + LogSender.DRY_RUN_LOGGER + " at DEBUG");
        assertEquals(LogSender.DRY_RUN_LOGGER, debug.get(0).getLoggerName());
        assertTrue(debug.get(0).getFormattedMessage().contains("+639760713666"), debug.get(0).getFormattedMessage());
        assertTrue(debug.get(0).getFormattedMessage().endsWith(": Hello +639760713666! 😀"));
    }
}
