package io.hookbot.bot.plugins;

import io.hookbot.worker.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches plugin calls made on the turn's own thread (those of every plugin not quarantined). A call still running
 * past its deadline has its thread interrupted once and is reported as {@link Listener#overran}; if it still runs one
 * check later (it ignores interrupts), it is reported as {@link Listener#stuck}, so the turn can be taken away from
 * it. Starting and ending a watch costs a set insertion and removal, far less than handing the call to another
 * thread.
 */
final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    /** Told about calls that overrun, on the watchdog's thread. */
    interface Listener {
        /**
         * @param plugin the plugin whose call has just passed its deadline (and been interrupted)
         * @param turn   the turn's id
         */
        void overran(String plugin, long turn);

        /**
         * @param plugin the plugin
         * @param turn   the turn's id
         * @param thread the turn's thread, which the call still holds after the interrupt
         */
        void stuck(String plugin, long turn, Thread thread);
    }

    /** One call being watched; its monitor orders "interrupted" against "done", so a finished turn is never hit. */
    static final class Call {
        private final Thread thread;
        private final String plugin;
        private final long turn;
        private final long deadline;
        /** The turn's log fields, for the lines the watchdog's thread writes about the call. */
        private final LogContext.Fields fields = LogContext.capture();
        private boolean done;
        private boolean overran;
        private boolean stuck;

        Call(Thread thread, String plugin, long turn, long deadline) {
            this.thread = thread;
            this.plugin = plugin;
            this.turn = turn;
            this.deadline = deadline;
        }
    }

    private final long budgetNanos;
    private final long graceNanos;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;
    private final Listener listener;

    /**
     * @param budget   the time budget of one call
     * @param listener told about calls that overrun
     */
    Watchdog(Duration budget, Listener listener) {
        this.budgetNanos = budget.toNanos();
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugin-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, Math.min(100, budget.toMillis() / 10));
        this.graceNanos = TimeUnit.MILLISECONDS.toNanos(every);
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    Call watch(Thread thread, String plugin, long turn) {
        Call call = new Call(thread, plugin, turn, System.nanoTime() + budgetNanos);
        calls.add(call);
        return call;
    }

    /** How a watched call ended. */
    enum Outcome {
        /** Within its budget. */
        ON_TIME,
        /** Past its budget, before the watchdog noticed. */
        LATE,
        /** Past its budget, and already reported to the listener as overrun. */
        LATE_REPORTED
    }

    /**
     * Ends a watch. Clears an interrupt the watchdog sent, so it never reaches the turn's database work.
     *
     * @return whether the call overran its budget, and whether that was reported
     */
    Outcome done(Call call) {
        calls.remove(call);
        Outcome outcome;
        synchronized (call) {
            call.done = true;
            outcome = call.overran ? Outcome.LATE_REPORTED
                    : System.nanoTime() - call.deadline > 0 ? Outcome.LATE : Outcome.ON_TIME;
        }
        if (outcome == Outcome.LATE_REPORTED) {
            Thread.interrupted();
        }
        return outcome;
    }

    private void check() {
        long now = System.nanoTime();
        for (Call call : calls) {
            if (now - call.deadline <= 0) {
                continue;
            }
            // reported under the call's monitor, so that when done() returns, the overrun has been accounted for
            synchronized (call) {
                try (LogContext scope = LogContext.of(call.fields)) {
                    if (!call.done && !call.overran) {
                        call.overran = true;
                        call.thread.interrupt();
                        listener.overran(call.plugin, call.turn);
                    } else if (!call.done && !call.stuck && now - call.deadline > graceNanos) {
                        call.stuck = true;
                        listener.stuck(call.plugin, call.turn, call.thread);
                    }
                } catch (RuntimeException e) {
                    // a failing listener must not stop the timer, which would stop every later interrupt
                    LOG.error("Could not report the overrun of plugin {} in turn {}", call.plugin, call.turn, e);
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
