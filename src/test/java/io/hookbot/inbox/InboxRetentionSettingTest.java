package io.hookbot.inbox;

import io.hookbot.db.RetentionJob;
import io.micronaut.core.convert.ConversionService;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading {@code hookbot.inbox.retention}: durations, {@code off}, and the refusals, each naming the setting. */
class InboxRetentionSettingTest {

    private static Optional<Duration> parse(String value) {
        return RetentionJob.parse(ConversionService.SHARED, InboxRetention.KEY, value,
                Duration.ofHours(InboxRetention.MINIMUM_HOURS), InboxRetention.WHY);
    }

    @Test
    void durationsAndOffAreRead() {
        assertEquals(Optional.of(Duration.ofDays(7)), parse("7d"));
        assertEquals(Optional.of(Duration.ofHours(48)), parse(" 48h "));
        assertEquals(Optional.of(Duration.ofHours(2)), parse("PT2H"));
        assertEquals(Optional.empty(), parse("off"));
        assertEquals(Optional.empty(), parse("OFF"));
    }

    @Test
    void aPurgeIntervalThatIsNotPositiveIsRefusedNamingItsSetting() {
        for (Duration interval : new Duration[]{Duration.ZERO, Duration.ofSeconds(-5)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                    new InboxSettings(20_000, 1000, true, 50_000, "7d", interval, Duration.ofSeconds(1)));
            assertTrue(refused.getMessage().startsWith("hookbot.inbox.purge-interval must be a positive duration"),
                    refused.getMessage());
        }
    }

    @Test
    void aRetentionShorterThanThePlatformsRetriesOrNotADurationIsRefused() {
        for (String value : new String[]{"30m", "1h", "0s", "soon", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> parse(value), value);
            assertTrue(refused.getMessage().startsWith("hookbot.inbox.retention must be"), refused.getMessage());
        }
    }
}
