package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.worker.SafeErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * What a cut-off call comes to, wherever it ran: counted in {@link PluginFailures}, said in one ERROR line with the
 * plugin's id and the turn's id (the trace at DEBUG), and answered with no actions, so the rest of the turn goes on
 * and commits. Logged as {@link PluginRunner}, the logger operators know these lines by.
 */
final class CutOffs {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

    private final PluginFailures failures;

    /** @param failures where cut-offs are counted */
    CutOffs(PluginFailures failures) {
        this.failures = failures;
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
        LOG.error("Plugin {} cut off for turn {} ({}): {}{}; the turn goes on without it (full trace at DEBUG)", plugin,
                turn, kind, why, cause == null ? "" : " (" + SafeErrors.describe(cause) + ")");
        LOG.debug("Plugin {} cut off for turn {}", plugin, turn, cause);
        return List.of();
    }
}
