package io.hookbot.worker;

import io.hookbot.config.SettingException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Starts hookbot's background loops as {@link Worker}s and knows them all, for health. A step that throws is run
 * again after {@code hookbot.workers.backoff} (100 ms), doubling up to {@code hookbot.workers.max-backoff} (30 s)
 * while it keeps failing; the first good round resets it. Each owner stops its own workers (in its
 * {@code @PreDestroy}), because the order matters: the inbox writer drains its queue before the database closes.
 */
@Singleton
public class Supervisor {

    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;

    /** @param settings the backoff settings */
    @Inject
    public Supervisor(WorkerSettings settings) {
        this(settings.backoff(), settings.maxBackoff());
    }

    /**
     * @param minBackoff the pause after a failure
     * @param maxBackoff the longest pause
     */
    public Supervisor(Duration minBackoff, Duration maxBackoff) {
        if (minBackoff == null || maxBackoff == null || minBackoff.isNegative() || minBackoff.isZero()
                || maxBackoff.compareTo(minBackoff) < 0) {
            throw new SettingException("hookbot.workers.backoff must be positive and at most "
                    + "hookbot.workers.max-backoff; not " + minBackoff + " and " + maxBackoff);
        }
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * Starts a loop that runs its step over and over; the step waits for work itself, with a bounded wait.
     *
     * @param name       the worker's (and its thread's) name
     * @param stuckAfter a step running longer than this makes readiness DOWN; {@code null} for never
     * @param step       one round
     * @return the running worker
     */
    public Worker loop(String name, Duration stuckAfter, Step step) {
        return start(new Worker(name, step, null, Duration.ZERO, stuckAfter, minBackoff, maxBackoff,
                this::isStopping));
    }

    /**
     * Starts a loop that runs its step every so often (measured from the end of one round to the start of the next).
     *
     * @param name         the worker's name
     * @param initialDelay before the first round
     * @param every        between rounds
     * @param stuckAfter   a round running longer than this makes readiness DOWN; {@code null} for never
     * @param step         one round
     * @return the running worker
     */
    public Worker every(String name, Duration initialDelay, Duration every, Duration stuckAfter, Step step) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + every);
        }
        return start(new Worker(name, step, every, initialDelay, stuckAfter, minBackoff, maxBackoff,
                this::isStopping));
    }

    /**
     * Forgets a stopped worker (one that is replaced, such as a turn worker given up to a plugin).
     *
     * @param worker a worker
     */
    public void forget(Worker worker) {
        workers.remove(worker);
    }

    /**
     * Says hookbot is stopping: from now on a worker's failure (the database closing under it, say) is logged at
     * DEBUG, because an orderly stop is no error.
     */
    public void stopping() {
        stopping = true;
    }

    /** @return whether hookbot is stopping */
    public boolean isStopping() {
        return stopping;
    }

    /** @return every worker started and not forgotten */
    public Collection<Worker> workers() {
        return List.copyOf(workers);
    }

    private Worker start(Worker worker) {
        workers.add(worker);
        worker.start();
        return worker;
    }
}
