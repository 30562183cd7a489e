package io.hookbot.bot.plugins;

import io.hookbot.metrics.PluginMeters;
import io.micronaut.context.event.ApplicationEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to a plugin that overruns on a turn's thread, as the {@link Watchdog} reports it: the call is cut off
 * as timed out, and the plugin quarantined, its later calls run on plugin threads; a call that also ignores the
 * interrupt has its turn taken away ({@link TurnHeldByPlugin}). Quarantine is kept in memory only, so a restarted
 * hookbot gives each plugin one more chance on the turn's thread. Logged as {@link PluginRunner}, like the cut-offs;
 * counted in {@code hookbot_plugin_quarantines_total} and {@code hookbot_plugin_turns_taken_total}.
 */
final class PluginQuarantine implements Watchdog.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Duration budget;
    private final CutOffs cutOffs;
    private final ApplicationEventPublisher<TurnHeldByPlugin> held;
    private final PluginMeters meters;

    /**
     * @param budget  the time budget of one call, for the log
     * @param cutOffs where the overrunning call is cut off
     * @param held    where a turn held by a plugin that ignores interrupts is announced
     * @param meters  where quarantines and turns taken away are counted
     */
    PluginQuarantine(Duration budget, CutOffs cutOffs, ApplicationEventPublisher<TurnHeldByPlugin> held,
                     PluginMeters meters) {
        this.budget = budget;
        this.cutOffs = cutOffs;
        this.held = held;
        this.meters = meters;
    }

    /**
     * @param plugin a plugin's id
     * @return whether its calls run on plugin threads
     */
    boolean contains(String plugin) {
        return ids.contains(plugin);
    }

    /** @return the quarantined plugins' ids, in name order */
    Set<String> ids() {
        return new TreeSet<>(ids);
    }

    /** A call on a turn's thread ran past its budget: cut off (its answer will be dropped), and quarantined, said once. */
    @Override
    public void overran(String plugin, long turn) {
        cutOffs.cut(plugin, turn, PluginFailures.Kind.TIMED_OUT, "ran longer than its budget of " + budget
                + " on the turn's thread (interrupted; its answer is dropped)", null);
        if (ids.add(plugin)) {
            meters.quarantined(plugin);
            LOG.warn("Plugin {} ran past its budget of {} on a turn's thread; its calls run on plugin threads from "
                    + "now on (until a restart)", plugin, budget);
        }
    }

    /** The call ignores the interrupt and so holds its turn: the turn's owner is told to take the turn again. */
    @Override
    public void stuck(String plugin, long turn, Thread thread) {
        LOG.error("Plugin {} still holds turn {} on thread {} after its budget of {} and an interrupt; the turn is "
                + "taken away from it", plugin, turn, thread.getName(), budget);
        meters.turnTaken(plugin);
        held.publishEvent(new TurnHeldByPlugin(plugin, turn, thread));
    }
}
