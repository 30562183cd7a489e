package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginTurn;

import java.time.Duration;
import java.util.List;

/**
 * Runs a plugin call on the turn's own thread, under the {@link Watchdog}: no handoff, so a well-behaved plugin
 * costs what a plain call costs. A call that throws or answers garbage is cut off here; one that overruns is
 * interrupted at its deadline and its answer, whatever it is, dropped; the {@link PluginQuarantine} deals with the
 * plugin.
 */
final class TurnThreadCalls implements AutoCloseable {

    private final Watchdog watchdog;
    private final PluginQuarantine quarantine;
    private final CutOffs cutOffs;

    /**
     * @param budget     the time budget of one call
     * @param quarantine told about calls that overrun
     * @param cutOffs    where a call that throws or answers garbage is cut off
     */
    TurnThreadCalls(Duration budget, PluginQuarantine quarantine, CutOffs cutOffs) {
        this.watchdog = new Watchdog(budget, quarantine);
        this.quarantine = quarantine;
        this.cutOffs = cutOffs;
    }

    /**
     * @param id     the plugin's id
     * @param plugin the plugin, not quarantined
     * @param turn   the turn it is handed
     * @return its actions, checked; empty if it was cut off
     */
    List<Action> call(String id, BotPlugin plugin, PluginTurn turn) {
        Watchdog.Call watched = watchdog.watch(Thread.currentThread(), id, turn.id());
        List<Action> answer;
        try {
            answer = PluginAnswer.of(plugin, turn);
        } catch (PluginAnswer.Invalid invalid) {
            return late(watched, id, turn) ? List.of()
                    : cutOffs.cut(id, turn.id(), PluginFailures.Kind.INVALID, invalid.getMessage(), null);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return late(watched, id, turn) ? List.of()
                    : cutOffs.cut(id, turn.id(), PluginFailures.Kind.THREW, "threw " + e, e);
        }
        return late(watched, id, turn) ? List.of() : cutOffs.answered(id, answer);
    }

    /**
     * Ends the watch; a call that overran has its answer, whatever it is, dropped, and is counted as timed out (by
     * the watchdog when it noticed in time, here otherwise).
     */
    private boolean late(Watchdog.Call watched, String id, PluginTurn turn) {
        Watchdog.Outcome outcome = watchdog.done(watched);
        if (outcome == Watchdog.Outcome.LATE) {
            quarantine.overran(id, turn.id());
        }
        return outcome != Watchdog.Outcome.ON_TIME;
    }

    /** Stops the watchdog. */
    @Override
    public void close() {
        watchdog.close();
    }
}
