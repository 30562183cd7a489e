package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginTurn;
import io.hookbot.worker.LogContext;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the calls of quarantined plugins on a bounded pool of plugin threads ({@code hookbot.plugins.threads}, with a
 * queue of as many again), the turn's thread waiting at most the budget (a {@link PluginThreadCall}). A plugin that
 * ignores interrupts keeps a plugin thread, never the turn; when every thread is held and the queue full, further
 * calls are cut off at once as busy. Costs two thread handoffs (tens of microseconds) per call.
 */
final class PluginThreads implements AutoCloseable {

    private final Duration budget;
    private final CutOffs cutOffs;
    private final ThreadPoolExecutor executor;

    /**
     * @param budget  the time budget of one call
     * @param threads the plugin threads (and the queue's length)
     * @param cutOffs where a call that fails in any way is cut off
     */
    PluginThreads(Duration budget, int threads, CutOffs cutOffs) {
        this.budget = budget;
        this.cutOffs = cutOffs;
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(threads), runnable -> {
                    Thread thread = new Thread(runnable, "plugin-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * @param id       the plugin's id
     * @param plugin   the plugin
     * @param turn     the turn it is handed
     * @param presence the presence view in the turn, whose queries the call carries back to the turn's thread;
     *                 {@code null} if it needs none
     * @return its actions, checked; empty if it was cut off
     */
    List<Action> call(String id, BotPlugin plugin, PluginTurn turn, PluginPresenceView presence) {
        PluginThreadCall call = new PluginThreadCall();
        if (presence != null) {
            presence.handedOffTo(call);
        }
        try {
            // the plugin's own log lines carry the turn's fields
            LogContext.Fields fields = LogContext.capture();
            return cutOffs.answered(id, call.run(executor, () -> {
                try (LogContext scope = LogContext.of(fields)) {
                    return PluginAnswer.of(plugin, turn);
                }
            }, budget.toNanos()));
        } catch (RejectedExecutionException e) {
            return cutOffs.cut(id, turn.id(), PluginFailures.Kind.BUSY, "every plugin thread is busy", null);
        } catch (TimeoutException e) {
            return cutOffs.cut(id, turn.id(), PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + budget,
                    null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PluginAnswer.Invalid invalid) {
                return cutOffs.cut(id, turn.id(), PluginFailures.Kind.INVALID, invalid.getMessage(), null);
            }
            return cutOffs.cut(id, turn.id(), PluginFailures.Kind.THREW, "threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while plugin " + id + " answered turn " + turn.id(), e);
        }
    }

    /** Stops the plugin threads; a plugin still running is interrupted. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
