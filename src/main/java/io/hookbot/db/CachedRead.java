package io.hookbot.db;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value read from the database at most every so often: what a health component reads on every probe, so that
 * probes every second cost one query every few seconds. A refresh of zero reads every time.
 *
 * @param <T> the value
 */
public final class CachedRead<T> {

    private final Duration refresh;
    private volatile Timed<T> last;

    /** @param refresh how long a read value is used again */
    public CachedRead(Duration refresh) {
        this.refresh = refresh;
    }

    /**
     * @param now  the current time
     * @param read reads the value anew
     * @return the value read less than the refresh ago, or a fresh one
     */
    public T get(Instant now, Supplier<T> read) {
        Timed<T> known = last;
        if (known == null || refresh.isZero() || known.at().plus(refresh).isBefore(now)) {
            known = new Timed<>(now, read.get());
            last = known;
        }
        return known.value();
    }

    /** Reads anew next time (something changed here that the next probe should show). */
    public void forget() {
        last = null;
    }

    private record Timed<T>(Instant at, T value) {
    }
}
