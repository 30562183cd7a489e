package io.hookbot.bot.guard;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily window in which a bot sends nothing: from {@code from} (included) to {@code to} (excluded), in a time
 * zone; a {@code to} before the {@code from} runs over midnight ({@code 22:00} to {@code 07:00}).
 *
 * @param from when the quiet starts
 * @param to   when it ends
 * @param zone the zone of both times
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

    /**
     * @param instant a moment
     * @return whether it falls inside the window
     */
    public boolean contains(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (from.equals(to)) {
            return false;
        }
        if (from.isBefore(to)) {
            return !local.isBefore(from) && local.isBefore(to);
        }
        return !local.isBefore(from) || local.isBefore(to);
    }

    @Override
    public String toString() {
        return from + "-" + to + " " + zone;
    }
}
