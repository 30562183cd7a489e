package io.hookbot.bot.rules;

import com.cronutils.model.Cron;
import com.cronutils.model.time.ExecutionTime;
import io.hookbot.bot.guard.Durations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a scheduled rule fires: at the times of a cron expression, every fixed interval, or both (the union), in a
 * time zone. Intervals are counted from midnight UTC, 1 January 1970, so every instance and every restart agrees on
 * them ({@code every: 15m} fires at :00, :15, :30 and :45).
 *
 * @param cronText the cron expression as written, or {@code null}
 * @param cron     the parsed cron expression, or {@code null}
 * @param every    the interval, or {@code null}
 * @param zone     the zone the cron expression's times are in
 */
public record Schedule(String cronText, Cron cron, Duration every, ZoneId zone) {

    /** The due time of a schedule that never fires again (a cron expression naming a past year). */
    public static final Instant NEVER = Instant.parse("9999-01-01T00:00:00Z");

    public Schedule {
        if (cron == null && every == null) {
            throw new IllegalArgumentException("a schedule needs a cron expression or an interval");
        }
    }

    /**
     * @param after a moment
     * @return the first firing time strictly after it
     */
    public Instant next(Instant after) {
        Instant next = null;
        if (cron != null) {
            Optional<ZonedDateTime> time = ExecutionTime.forCron(cron).nextExecution(after.atZone(zone));
            next = time.map(ZonedDateTime::toInstant).orElse(null);
        }
        if (every != null) {
            long step = every.toMillis();
            Instant byInterval = Instant.ofEpochMilli(Math.floorDiv(after.toEpochMilli(), step) * step + step);
            next = next == null || byInterval.isBefore(next) ? byInterval : next;
        }
        if (next == null) {
            return NEVER;
        }
        return next;
    }

    /** @return a text that changes whenever the firing times change; stored with the slot */
    public String spec() {
        StringBuilder spec = new StringBuilder();
        if (cronText != null) {
            spec.append("cron ").append(cronText).append(' ');
        }
        if (every != null) {
            spec.append("every ").append(Durations.format(every)).append(' ');
        }
        return spec.append(zone.getId()).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
