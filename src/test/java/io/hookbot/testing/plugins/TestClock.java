package io.hookbot.testing.plugins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets and moves by hand; each turn a {@link PluginTester} runs sees its time then. */
public final class TestClock extends Clock {

    private volatile Instant now;

    /** @param start the time it shows first */
    public TestClock(Instant start) {
        this.now = start;
    }

    /** @param instant the time it shows from now on */
    public void set(Instant instant) {
        this.now = instant;
    }

    /** @param duration how far to move it forward */
    public void advance(Duration duration) {
        this.now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
