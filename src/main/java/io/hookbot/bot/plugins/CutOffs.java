package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.metrics.PluginMeters;
import io.hookbot.worker.SafeErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What a cut-off call comes to, wherever it ran: counted in {@link PluginFailures} and in
 * {@code hookbot_plugin_calls_total} ({@link PluginMeters}), said in one ERROR line with the plugin's id and the
 * turn's id (the trace at DEBUG), and answered with no actions, so the rest of the turn goes on and commits. A call
 * that answered is counted here too ({@link #answered}), so each call counts once, by how it ended. Logged as
 * {@link PluginRunner}, the logger operators know these lines by.
 */
final class CutOffs {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

    private final PluginFailures failures;
    private final PluginMeters meters;

    /**
     * @param failures where cut-offs are counted, for {@code GET /plugins}
     * @param meters   where every call is counted by its outcome
     */
    CutOffs(PluginFailures failures, PluginMeters meters) {
        this.failures = failures;
        this.meters = meters;
    }

    /**
     * @param plugin the plugin's id
     * @param answer its actions, checked and in time
     * @return the actions
     */
    List<Action> answered(String plugin, List<Action> answer) {
        meters.called(plugin, PluginMeters.Outcome.ANSWERED);
        return answer;
    }

    /**
     * @param plugin the plugin's id
     * @param turn   the turn's id
     * @param kind   why it was cut off
     * @param why    the same in words, for the log
     * @param cause  what the plugin threw, or {@code null}
     * @return no actions, the answer of a cut-off call
     */
    List<Action> cut(String plugin, long turn, PluginFailures.Kind kind, String why, Throwable cause) {
        failures.record(plugin, kind);
        meters.called(plugin, switch (kind) {
            case THREW -> PluginMeters.Outcome.THREW;
            case INVALID -> PluginMeters.Outcome.INVALID;
            case TIMED_OUT -> PluginMeters.Outcome.TIMED_OUT;
            case BUSY -> PluginMeters.Outcome.BUSY;
        });
        LOG.error("Plugin {} cut off for turn {} ({}): {}{}; the turn goes on without it (full trace at DEBUG)", plugin,
                turn, kind, why, cause == null ? "" : " (" + SafeErrors.describe(cause) + ")");
        LOG.debug("Plugin {} cut off for turn {}", plugin, turn, cause);
        return List.of();
    }
}
