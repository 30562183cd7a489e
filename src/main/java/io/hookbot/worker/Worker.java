package io.hookbot.worker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One background loop on a thread of its own, run by the {@link Supervisor}: its {@link Step} again and again (or
 * every so often), each failure logged once per distinct error and followed by a backoff, never the end of the
 * thread. The loop's owner may also report failures it retries itself ({@link #failed}) and successes ({@link #ok}).
 *
 * <p>A worker is stopped without interrupting its thread: the embedded H2 closes its file when a thread is
 * interrupted in the middle of a write, so the steps wait with short timeouts and look at {@link #running()}.
 */
public final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Step step;
    private final Duration every;
    private final Duration initialDelay;
    private final Duration stuckAfter;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final Thread thread;
    private final BooleanSupplier quiet;
    private final Object sleeper = new Object();
    /** Failures seen since the last success, by identity, with how many times each came. */
    private final Map<String, Integer> seen = new HashMap<>();
    private volatile boolean running = true;
    private volatile Failure failing;
    private volatile long stepStartedNanos;
    private volatile long restarts;

    Worker(String name, Step step, Duration every, Duration initialDelay, Duration stuckAfter, Duration minBackoff,
           Duration maxBackoff, BooleanSupplier quiet) {
        this.quiet = quiet;
        this.name = name;
        this.step = step;
        this.every = every;
        this.initialDelay = initialDelay;
        this.stuckAfter = stuckAfter;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return the worker's name, which is also its thread's */
    public String name() {
        return name;
    }

    /** @return whether the worker should go on; false once {@link #stop} was called */
    public boolean running() {
        return running;
    }

    /**
     * Reports a failure the worker handles itself (it retries on its own), so that it is logged like a step's and
     * readiness shows it until {@link #ok}.
     *
     * @param failure what went wrong
     */
    public void failed(Throwable failure) {
        if (quiet.getAsBoolean()) {
            LOG.debug("{} failed while stopping", name, failure);
            return;
        }
        record(failure, null);
    }

    /**
     * Reports that what failed before ({@link #failed}) works again. A failure of the step itself is cleared by the
     * step's next good round instead. Cheap when nothing failed.
     */
    public void ok() {
        Failure was = failing;
        if (was != null && !was.fromStep()) {
            clear(was);
        }
    }

    private void clear(Failure was) {
        failing = null;
        synchronized (seen) {
            seen.clear();
        }
        LOG.info("{} recovered after {} failure(s) since {}", name, was.count(), was.since());
    }

    /** @return the current failure, if the worker is failing */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failing);
    }

    /**
     * @param now the current time, as {@link System#nanoTime()}
     * @return how long the step now running has run, if longer than the worker's stuck threshold
     */
    public Optional<Duration> stuckFor(long now) {
        long started = stepStartedNanos;
        if (stuckAfter == null || started == 0) {
            return Optional.empty();
        }
        Duration running = Duration.ofNanos(now - started);
        return running.compareTo(stuckAfter) > 0 ? Optional.of(running) : Optional.empty();
    }

    /** @return the worker's thread */
    public Thread thread() {
        return thread;
    }

    /** @return whether the worker's thread runs (false only before it starts and after it stopped) */
    public boolean alive() {
        return thread.isAlive();
    }

    /** @return how many times a failed step was run again */
    public long restarts() {
        return restarts;
    }

    /** Runs the next round now instead of at the end of the current wait (a periodic worker, or a backoff). */
    public void wake() {
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }

    /** Asks the loop to end after its current round; does not interrupt it. */
    public void stop() {
        running = false;
        wake();
    }

    /**
     * @param timeout how long to wait
     * @return whether the thread ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean join(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return !thread.isAlive();
    }

    private void loop() {
        pause(initialDelay);
        Duration backoff = minBackoff;
        while (running) {
            stepStartedNanos = System.nanoTime();
            try {
                step.run();
                stepStartedNanos = 0;
                backoff = minBackoff;
                Failure was = failing;
                if (was != null && was.fromStep()) {
                    clear(was);
                }
                if (every != null) {
                    pause(every);
                }
            } catch (Throwable failure) {
                stepStartedNanos = 0;
                if (failure instanceof InterruptedException) {
                    // an interrupt is not a reason to end: only stop() is
                    Thread.interrupted();
                }
                if (!running || quiet.getAsBoolean()) {
                    LOG.debug("{} failed while stopping", name, failure);
                    if (!running) {
                        break;
                    }
                    pause(backoff);
                    continue;
                }
                record(failure, backoff);
                restarts++;
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private void record(Throwable failure, Duration retryIn) {
        String identity = SafeErrors.identity(failure);
        int times;
        synchronized (seen) {
            times = seen.merge(identity, 1, Integer::sum);
        }
        Failure was = failing;
        Instant since = was == null ? Instant.now() : was.since();
        failing = new Failure(SafeErrors.describe(failure), since, was == null ? 1 : was.count() + 1, retryIn != null);
        if (times == 1) {
            LOG.error("{} failed: {}; {}. The same error again is counted, not logged, until it recovers (full trace "
                    + "at DEBUG)", name, failing.error(), retryIn == null ? "it retries" : "running it again in "
                    + retryIn.toMillis() + " ms, then with a growing backoff");
        }
        LOG.debug("{} failed ({} time(s) this error)", name, times, failure);
    }

    private void pause(Duration duration) {
        if (duration == null || duration.isZero() || !running) {
            return;
        }
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (sleeper) {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                    return;
                } catch (InterruptedException e) {
                    Thread.interrupted();
                }
            }
        }
    }

    /**
     * A worker's failing state.
     *
     * @param error    the last failure, described without its data ({@link SafeErrors})
     * @param since    when the worker began failing
     * @param count    failures since then
     * @param fromStep whether the step threw (cleared by the next good round) or the owner reported it (cleared by
     *                 {@link #ok})
     */
    public record Failure(String error, Instant since, int count, boolean fromStep) {
    }
}
