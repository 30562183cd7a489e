package io.hookbot.channel;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A refused webhook is one WARN line; a flood of them is one line a minute with the count, told by a test clock. */
class RefusalLogTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final RefusalLog log = new RefusalLog(clock);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RefusalLog.class);

    @BeforeEach
    void attach() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(lines);
    }

    private List<String> warnings() {
        return lines.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static WebhookRejection badDevice() {
        return WebhookRejection.invalid("data.device", "holds a NUL character (U+0000) at position 4");
    }

    @Test
    void aRefusalIsOneWarnLineWithChannelStatusErrorAndFieldButNoValue() {
        log.refused("sms-main", badDevice(), 400);

        assertEquals(List.of("Refused a webhook on sms-main: 400 invalid_payload, field data.device"), warnings());
        assertEquals(1, lines.list.size());
        assertFalse(lines.list.get(0).getFormattedMessage().contains("NUL"), "the message, which may quote a value, is not logged");
    }

    @Test
    void aFloodWithinAMinuteIsCountedAndTheNextLineSaysHowMany() {
        log.refused("sms-main", badDevice(), 400);
        for (int i = 0; i < 41; i++) {
            clock.advance(Duration.ofMillis(1400));
            log.refused("sms-main", badDevice(), 400);
        }
        assertEquals(1, warnings().size(), "one line for the first minute");

        clock.set(Instant.parse("2026-12-02T10:01:00Z"));
        log.refused("sms-main", WebhookRejection.invalid("data.phone", "is required"), 400);

        assertEquals(List.of("Refused a webhook on sms-main: 400 invalid_payload, field data.device",
                "Refused a webhook on sms-main: 400 invalid_payload, field data.phone (41 more since 2026-12-02T10:00:00Z)"),
                warnings());
        clock.advance(Duration.ofSeconds(61));
        log.refused("sms-main", badDevice(), 400);
        assertEquals("Refused a webhook on sms-main: 400 invalid_payload, field data.device", warnings().get(2),
                "nothing was held back since the last line");
    }

    @Test
    void eachChannelStatusAndErrorIsCountedApart() {
        log.refused("sms-main", badDevice(), 400);
        log.refused("sms-other", badDevice(), 400);
        log.refused("sms-main", WebhookRejection.unauthorized("the secret does not match"), 401);
        log.refused("chat", WebhookRejection.unauthorized("wrong token"), 404);
        log.refused("sms-main", new WebhookRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Content-Type", "is missing"), 415);
        log.refused("sms-main", badDevice(), 400);

        assertEquals(List.of("Refused a webhook on sms-main: 400 invalid_payload, field data.device",
                "Refused a webhook on sms-other: 400 invalid_payload, field data.device",
                "Refused a webhook on sms-main: 401 unauthorized",
                "Refused a webhook on chat: 404 unauthorized",
                "Refused a webhook on sms-main: 415 unsupported_media_type, field Content-Type"), warnings());
    }

    @Test
    void unknownChannelsShareOneCountAndTheirNamesArePrintableAndShort() {
        log.unknownChannel("sms\u0000main\n" + "x".repeat(200));
        log.unknownChannel("made-up-" + 1);
        log.unknownChannel("made-up-" + 2);
        clock.advance(Duration.ofMinutes(2));
        log.unknownChannel("nowhere");

        List<String> warnings = warnings();
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Refused a webhook on unknown channel 'sms?main?xxx"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("x…': 404 unknown_channel"), warnings.get(0));
        assertFalse(warnings.get(0).contains("x".repeat(99)), "at most 100 characters of the name");
        assertEquals("Refused a webhook on unknown channel 'nowhere': 404 unknown_channel (2 more since 2026-12-02T10:00:00Z)",
                warnings.get(1));
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
