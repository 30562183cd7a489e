package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginTurn;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a plugin in isolation. The call runs on a bounded pool of plugin threads ({@code hookbot.plugins.threads},
 * 8 by default, with a queue of as many again) while the turn's thread waits at most {@code hookbot.plugins.timeout}
 * (2 s by default). A call that throws, answers garbage, overruns, or finds every thread busy is cut off: logged with
 * the plugin's id and the turn's id, counted in {@link PluginFailures}, and answered with no actions, so the rest of
 * the turn goes on and the turn completes.
 *
 * <p>Why a separate thread: the turn's thread holds the conversation's row lock and an open transaction. A plugin
 * that loops forever on that thread could never be cut off; on a plugin thread it is abandoned (and interrupted),
 * and at worst it keeps one plugin thread busy. The handoff costs tens of microseconds, so for plugins one trusts
 * {@code hookbot.plugins.isolation: inline} calls them on the turn's thread instead (well under a microsecond): a
 * watchdog interrupts a call that overruns, and an answer that comes late is thrown away and counted, but a plugin
 * that ignores interrupts then holds its turn until it returns. See {@code docs/benchmarks-plugins.md}.
 */
@Singleton
public class PluginRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

    private final Duration timeout;
    private final PluginFailures failures;
    private final ThreadPoolExecutor executor;
    private final Watchdog watchdog;

    /**
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures) {
        this(timeout, threads, "thread", failures);
    }

    /**
     * @param timeout   the time budget of one call
     * @param threads   the plugin threads (and the queue's length)
     * @param isolation {@code thread} (a plugin thread per call) or {@code inline} (the turn's thread, watched)
     * @param failures  where cut-offs are counted
     */
    @jakarta.inject.Inject
    public PluginRunner(@Value("${hookbot.plugins.timeout:2s}") Duration timeout,
                        @Value("${hookbot.plugins.threads:8}") int threads,
                        @Value("${hookbot.plugins.isolation:thread}") String isolation,
                        PluginFailures failures) {
        this.timeout = timeout;
        this.failures = failures;
        this.watchdog = switch (isolation) {
            case "thread" -> null;
            case "inline" -> new Watchdog(timeout);
            default -> throw new IllegalArgumentException("hookbot.plugins.isolation is thread or inline, not '"
                    + isolation + "'");
        };
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(threads), runnable -> {
                    Thread thread = new Thread(runnable, "plugin-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * @param plugin the plugin
     * @param turn   the turn it is handed
     * @return its actions, checked; empty if it was cut off
     */
    public List<Action> call(BotPlugin plugin, PluginTurn turn) {
        String id = plugin.id();
        if (watchdog != null) {
            return callInline(id, plugin, turn);
        }
        Future<List<Action>> future;
        try {
            future = executor.submit(() -> checked(plugin, turn));
        } catch (RejectedExecutionException e) {
            return cutOff(id, turn, PluginFailures.Kind.BUSY, "every plugin thread is busy", null);
        }
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return cutOff(id, turn, PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + timeout, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidAnswer invalid) {
                return cutOff(id, turn, PluginFailures.Kind.INVALID, invalid.getMessage(), null);
            }
            return cutOff(id, turn, PluginFailures.Kind.THREW, "threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while plugin " + id + " answered turn " + turn.id(), e);
        }
    }

    private List<Action> callInline(String id, BotPlugin plugin, PluginTurn turn) {
        Watchdog.Call watched = watchdog.watch(Thread.currentThread());
        List<Action> answer;
        try {
            answer = checked(plugin, turn);
        } catch (InvalidAnswer invalid) {
            return late(watched, id, turn) ? List.of() : cutOff(id, turn, PluginFailures.Kind.INVALID, invalid.getMessage(), null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return late(watched, id, turn) ? List.of() : cutOff(id, turn, PluginFailures.Kind.THREW, "threw " + e, e);
        }
        return late(watched, id, turn) ? List.of() : answer;
    }

    /** Ends the watch; a call that overran is counted as timed out and its answer, whatever it is, dropped. */
    private boolean late(Watchdog.Call watched, String id, PluginTurn turn) {
        if (!watchdog.done(watched)) {
            return false;
        }
        cutOff(id, turn, PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + timeout
                + " (interrupted on the turn's thread; its answer is dropped)", null);
        return true;
    }

    /** Runs on the plugin thread, so that a strange list the plugin returned is read there too. */
    private static List<Action> checked(BotPlugin plugin, PluginTurn turn) {
        List<Action> answer = PluginCalls.invoke(plugin, turn);
        String problem = PluginCalls.problem(answer);
        if (problem != null) {
            throw new InvalidAnswer(problem);
        }
        return List.copyOf(answer);
    }

    private List<Action> cutOff(String id, PluginTurn turn, PluginFailures.Kind kind, String why, Throwable cause) {
        failures.record(id, kind);
        LOG.error("Plugin {} cut off for turn {} ({}): {}; the turn goes on without it", id, turn.id(), kind, why,
                cause);
        return List.of();
    }

    /** @return the time budget of one call */
    public Duration timeout() {
        return timeout;
    }

    /** Stops the plugin threads; a plugin still running is interrupted. */
    @PreDestroy
    public void close() {
        executor.shutdownNow();
        if (watchdog != null) {
            watchdog.close();
        }
    }

    /** A plugin's answer that cannot be committed. */
    private static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
