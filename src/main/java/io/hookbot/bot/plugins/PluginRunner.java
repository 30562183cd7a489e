package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginCalls;
import io.hookbot.api.PluginTurn;
import io.hookbot.worker.SafeErrors;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls a plugin in isolation: a call that throws, answers garbage, overruns its budget ({@code hookbot.plugins.timeout},
 * 2 s by default) or finds every plugin thread busy is cut off: logged with the plugin's id and the turn's id,
 * counted in {@link PluginFailures}, and answered with no actions, so the rest of the turn goes on and commits.
 *
 * <p>Where the call runs: on the turn's own thread under a {@link Watchdog}, which interrupts a call at its deadline;
 * the late answer is dropped. A plugin that overruns once is <em>quarantined</em>: from that moment every later call
 * of it runs on a bounded pool of plugin threads ({@code hookbot.plugins.threads}, 8, with a queue of as many again),
 * the turn's thread waiting at most the budget, so that a plugin that ignores interrupts keeps a plugin thread, never
 * a turn. If the overrunning call ignores the interrupt, the turn is taken away from it: {@link TurnHeldByPlugin} is
 * published, and the dispatcher rolls the turn's transaction back and takes the turn again on another thread, where
 * the quarantined plugin is cut off after its budget. Quarantine lasts until a restart.
 *
 * <p>One way for every plugin: a well-behaved plugin costs what a plain call on the turn's thread costs (under 1 µs),
 * and one that overran is kept off the turn's thread from then on. The two modes there were besides bought little:
 * {@code thread} spared the first overrunning call its turn at tens of microseconds on every call of every plugin;
 * {@code inline} spared a plugin that overran the handoffs at the price of a turn held for as long as the plugin
 * likes. {@code hookbot.plugins.isolation} is refused at the start. Figures: {@code docs/benchmarks-plugins.md}.
 */
@Singleton
public class PluginRunner {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

    private final Duration timeout;
    private final PluginFailures failures;
    private final ThreadPoolExecutor executor;
    private final Watchdog watchdog;
    private final Set<String> quarantined = ConcurrentHashMap.newKeySet();
    private final ApplicationEventPublisher<TurnHeldByPlugin> held;

    /**
     * A runner whose held turns nobody takes back.
     *
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures) {
        this(timeout, threads, failures, ApplicationEventPublisher.noOp());
    }

    /**
     * @param settings {@code hookbot.plugins.*}
     * @param failures where cut-offs are counted
     * @param held     where a turn held by a plugin that ignores interrupts is announced
     */
    @jakarta.inject.Inject
    public PluginRunner(PluginSettings settings, PluginFailures failures,
                        ApplicationEventPublisher<TurnHeldByPlugin> held) {
        this(settings.timeout(), settings.threads(), failures, held);
    }

    /**
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     * @param held     where a turn held by a plugin that ignores interrupts is announced
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures,
                        ApplicationEventPublisher<TurnHeldByPlugin> held) {
        this.timeout = timeout;
        this.failures = failures;
        this.held = held;
        this.watchdog = new Watchdog(timeout, new Watchdog.Listener() {
            @Override
            public void overran(String plugin, long turn) {
                timedOutInline(plugin, turn);
            }

            @Override
            public void stuck(String plugin, long turn, Thread thread) {
                takeBack(plugin, turn, thread);
            }
        });
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
        return call(plugin, turn, null);
    }

    /**
     * @param plugin   the plugin
     * @param turn     the turn it is handed
     * @param presence the presence view in the turn, to route to the turn's thread; {@code null} if it needs none
     * @return its actions, checked; empty if it was cut off
     */
    List<Action> call(BotPlugin plugin, PluginTurn turn, PluginPresenceView presence) {
        String id = plugin.id();
        try {
            if (!quarantined.contains(id)) {
                return callInline(id, plugin, turn);
            }
            return callOnPluginThread(id, plugin, turn, presence);
        } finally {
            if (presence != null) {
                presence.end();
            }
        }
    }

    private List<Action> callOnPluginThread(String id, BotPlugin plugin, PluginTurn turn, PluginPresenceView presence) {
        PluginThreadCall call = new PluginThreadCall();
        if (presence != null) {
            presence.handedOffTo(call);
        }
        try {
            return call.run(executor, () -> checked(plugin, turn), timeout.toNanos());
        } catch (RejectedExecutionException e) {
            return cutOff(id, turn, PluginFailures.Kind.BUSY, "every plugin thread is busy", null);
        } catch (TimeoutException e) {
            return cutOff(id, turn, PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + timeout, null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InvalidAnswer invalid) {
                return cutOff(id, turn, PluginFailures.Kind.INVALID, invalid.getMessage(), null);
            }
            return cutOff(id, turn, PluginFailures.Kind.THREW, "threw " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while plugin " + id + " answered turn " + turn.id(), e);
        }
    }

    private List<Action> callInline(String id, BotPlugin plugin, PluginTurn turn) {
        Watchdog.Call watched = watchdog.watch(Thread.currentThread(), id, turn.id());
        List<Action> answer;
        try {
            answer = checked(plugin, turn);
        } catch (InvalidAnswer invalid) {
            return late(watched, id, turn) ? List.of()
                    : cutOff(id, turn, PluginFailures.Kind.INVALID, invalid.getMessage(), null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return late(watched, id, turn) ? List.of() : cutOff(id, turn, PluginFailures.Kind.THREW, "threw " + e, e);
        }
        return late(watched, id, turn) ? List.of() : answer;
    }

    /**
     * Ends the watch; a call that overran has its answer, whatever it is, dropped, and is counted as timed out (by
     * the watchdog when it noticed in time, here otherwise).
     */
    private boolean late(Watchdog.Call watched, String id, PluginTurn turn) {
        Watchdog.Outcome outcome = watchdog.done(watched);
        if (outcome == Watchdog.Outcome.LATE) {
            timedOutInline(id, turn.id());
        }
        return outcome != Watchdog.Outcome.ON_TIME;
    }

    /** A call on a turn's thread ran past its budget: cut off (its answer will be dropped), counted, quarantined. */
    private void timedOutInline(String id, long turn) {
        cutOff(id, turn, PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + timeout
                + " on the turn's thread (interrupted; its answer is dropped)", null);
        quarantine(id);
    }

    /** A plugin that overran runs on plugin threads from now on; said once. */
    private void quarantine(String id) {
        if (quarantined.add(id)) {
            LOG.warn("Plugin {} ran past its budget of {} on a turn's thread; its calls run on plugin threads from "
                    + "now on (until a restart)", id, timeout);
        }
    }

    /** A call that ignores the interrupt loses its turn: the turn's owner takes it again. */
    private void takeBack(String id, long turn, Thread thread) {
        LOG.error("Plugin {} still holds turn {} on thread {} after its budget of {} and an interrupt; the turn is "
                + "taken away from it", id, turn, thread.getName(), timeout);
        held.publishEvent(new TurnHeldByPlugin(id, turn, thread));
    }

    /** Runs on the thread of the call, so that a strange list the plugin returned is read there too. */
    private static List<Action> checked(BotPlugin plugin, PluginTurn turn) {
        List<Action> answer = PluginCalls.invoke(plugin, turn);
        String problem = PluginCalls.problem(answer);
        if (problem != null) {
            throw new InvalidAnswer(problem);
        }
        return List.copyOf(answer);
    }

    private List<Action> cutOff(String id, PluginTurn turn, PluginFailures.Kind kind, String why, Throwable cause) {
        return cutOff(id, turn.id(), kind, why, cause);
    }

    private List<Action> cutOff(String id, long turn, PluginFailures.Kind kind, String why, Throwable cause) {
        failures.record(id, kind);
        LOG.error("Plugin {} cut off for turn {} ({}): {}{}; the turn goes on without it (full trace at DEBUG)", id,
                turn, kind, why, cause == null ? "" : " (" + SafeErrors.describe(cause) + ")");
        LOG.debug("Plugin {} cut off for turn {}", id, turn, cause);
        return List.of();
    }

    /** @return the time budget of one call */
    public Duration timeout() {
        return timeout;
    }

    /** @return the plugins moved to plugin threads after overrunning on a turn's thread, by id */
    public Set<String> quarantined() {
        return new TreeSet<>(quarantined);
    }

    /** Stops the plugin threads; a plugin still running is interrupted. */
    @PreDestroy
    public void close() {
        executor.shutdownNow();
        watchdog.close();
    }

    /** A plugin's answer that cannot be committed. */
    private static final class InvalidAnswer extends RuntimeException {
        InvalidAnswer(String message) {
            super(message, null, false, false);
        }
    }
}
