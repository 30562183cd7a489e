package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginTurn;
import io.hookbot.metrics.PluginMeters;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Calls a plugin in isolation: a call that throws, answers garbage, overruns its budget ({@code hookbot.plugins.timeout},
 * 2 s by default) or finds every plugin thread busy is cut off: logged with the plugin's id and the turn's id,
 * counted in {@link PluginFailures}, and answered with no actions, so the rest of the turn goes on and commits. Every
 * call is counted by its outcome and timed ({@link PluginMeters}: {@code hookbot_plugin_calls_total},
 * {@code hookbot_plugin_call_seconds}).
 *
 * <p>Where the call runs: on the turn's own thread under a {@link Watchdog}, which interrupts a call at its deadline;
 * the late answer is dropped ({@link TurnThreadCalls}). A plugin that overruns once is <em>quarantined</em>
 * ({@link PluginQuarantine}): from that moment every later call of it runs on a bounded pool of plugin threads
 * ({@link PluginThreads}), the turn's thread waiting at most the budget, so that a plugin that ignores interrupts
 * keeps a plugin thread, never a turn. If the overrunning call ignores the interrupt, the turn is taken away from it:
 * {@link TurnHeldByPlugin} is published, and the dispatcher rolls the turn's transaction back and takes the turn
 * again on another thread, where the quarantined plugin is cut off after its budget. Quarantine lasts until a restart.
 *
 * <p>One way for every plugin: a well-behaved plugin costs what a plain call on the turn's thread costs (under 1 µs),
 * and one that overran is kept off the turn's thread from then on. The two modes there were besides bought little:
 * {@code thread} (every call on plugin threads) spared only the turn a plugin first overruns in, at tens of
 * microseconds on every call of every plugin; {@code inline} (never quarantined) spared an overrunning plugin the
 * handoffs by letting it hold its turn for as long as it likes. {@code hookbot.plugins.isolation} is refused at the
 * start. Figures: {@code docs/benchmarks-plugins.md}.
 */
@Singleton
public class PluginRunner {

    private final Duration timeout;
    private final PluginQuarantine quarantine;
    private final TurnThreadCalls onTurnThread;
    private final PluginThreads onPluginThreads;
    private final PluginMeters meters;

    /**
     * A runner whose held turns nobody takes back, and whose calls are counted nowhere.
     *
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures) {
        this(timeout, threads, failures, ApplicationEventPublisher.noOp(), PluginMeters.none());
    }

    /**
     * @param settings {@code hookbot.plugins.*}
     * @param failures where cut-offs are counted
     * @param held     where a turn held by a plugin that ignores interrupts is announced
     * @param meters   where every call is counted and timed
     */
    @Inject
    public PluginRunner(PluginSettings settings, PluginFailures failures,
                        ApplicationEventPublisher<TurnHeldByPlugin> held, PluginMeters meters) {
        this(settings.timeout(), settings.threads(), failures, held, meters);
    }

    /**
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     * @param held     where a turn held by a plugin that ignores interrupts is announced
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures,
                        ApplicationEventPublisher<TurnHeldByPlugin> held) {
        this(timeout, threads, failures, held, PluginMeters.none());
    }

    /**
     * @param timeout  the time budget of one call
     * @param threads  the plugin threads (and the queue's length)
     * @param failures where cut-offs are counted
     * @param held     where a turn held by a plugin that ignores interrupts is announced
     * @param meters   where every call is counted and timed
     */
    public PluginRunner(Duration timeout, int threads, PluginFailures failures,
                        ApplicationEventPublisher<TurnHeldByPlugin> held, PluginMeters meters) {
        CutOffs cutOffs = new CutOffs(failures, meters);
        this.timeout = timeout;
        this.meters = meters;
        this.quarantine = new PluginQuarantine(timeout, cutOffs, held, meters);
        this.onTurnThread = new TurnThreadCalls(timeout, quarantine, cutOffs);
        this.onPluginThreads = new PluginThreads(timeout, threads, cutOffs);
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
        long started = System.nanoTime();
        try {
            return quarantine.contains(id) ? onPluginThreads.call(id, plugin, turn, presence)
                    : onTurnThread.call(id, plugin, turn);
        } finally {
            meters.timed(id, System.nanoTime() - started);
            if (presence != null) {
                presence.end();
            }
        }
    }

    /** @return the time budget of one call */
    public Duration timeout() {
        return timeout;
    }

    /** @return the plugins moved to plugin threads after overrunning on a turn's thread, by id */
    public Set<String> quarantined() {
        return quarantine.ids();
    }

    /** Stops the plugin threads (a plugin still running is interrupted) and the watchdog. */
    @PreDestroy
    public void close() {
        onPluginThreads.close();
        onTurnThread.close();
    }
}
