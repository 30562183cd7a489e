package io.hookbot.ui;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits wrong tokens at the dashboard's sign-in, per client address: after {@value #FAILURES} failed sign-ins
 * within {@link #WINDOW}, every sign-in from that address is refused (429, with how long to wait) until the oldest
 * of those failures is a minute old; a right token then signs in as before, and does not wipe the failures out. So
 * guessing the admin token costs a minute per ten guesses from one address. The address is the connection's (a
 * reverse proxy's own for every user behind it: they then share the limit), never a forwarded header, which the
 * client could write. Kept in memory, at most {@value #ADDRESSES} addresses (the ones with the oldest failures are
 * forgotten first).
 */
@Singleton
public class SignInLimiter {

    /** Failed sign-ins allowed per address within the window. */
    static final int FAILURES = 10;
    /** The window. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Addresses remembered at most. */
    static final int ADDRESSES = 10_000;

    private final Clock clock;
    /** Each address's failures within the window, oldest first; the map in order of each address's last failure. */
    private final LinkedHashMap<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true);

    public SignInLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param address the client's address
     * @return how long the address must wait before it may try again, if it has failed too often
     */
    public synchronized Optional<Duration> refused(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent(address, now);
        if (times == null || times.size() < FAILURES) {
            return Optional.empty();
        }
        Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    /**
     * Counts a failed sign-in.
     *
     * @param address the client's address
     */
    public synchronized void failed(String address) {
        Instant now = clock.instant();
        Deque<Instant> times = recent(address, now);
        if (times == null) {
            times = new ArrayDeque<>();
            failures.put(address, times);
        }
        times.addLast(now);
        while (times.size() > FAILURES) {
            times.removeFirst();
        }
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = failures.entrySet().iterator();
             it.hasNext() && failures.size() > ADDRESSES; ) {
            it.next();
            it.remove();
        }
    }

    private Deque<Instant> recent(String address, Instant now) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return null;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return times;
    }
}
