package io.hookbot.testing;

import io.hookbot.bot.schedule.Clocks;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the test sets, in place of the application's (active with {@code test.clock=true}). The time is shared by
 * every application the test starts, and kept across restarts, so a test can stop an app, move the time past
 * several schedule slots, and start it again, without waiting.
 */
@Singleton
@Replaces(factory = Clocks.class, bean = Clock.class)
@Requires(property = "test.clock", value = "true")
public class TestClock extends Clock {

    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2024-05-06T09:00:00Z"));

    /** @param instant the time every test clock tells from now on */
    public static void set(Instant instant) {
        NOW.set(instant);
    }

    /** @return the time every test clock tells now */
    public static Instant now() {
        return NOW.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(NOW.get(), zone);
    }

    @Override
    public Instant instant() {
        return NOW.get();
    }
}
