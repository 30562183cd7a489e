package io.hookbot.bot.plugins;

import io.hookbot.api.Event;
import io.hookbot.api.PluginTurn;
import io.hookbot.bot.rules.PluginHandoff;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/** Gives each turn the handoff its rules' {@code plugin:} actions use: find the plugin, build its turn, run it. */
@Singleton
public class PluginDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDispatch.class);

    private final Function<String, LoadedPlugin> registry;
    private final PluginRunner runner;

    @Inject
    public PluginDispatch(PluginRegistry registry, PluginRunner runner) {
        this(registry::find, runner);
    }

    /**
     * @param plugins finds a loaded plugin by id, {@code null} if none
     * @param runner  runs a call in isolation
     */
    public PluginDispatch(Function<String, LoadedPlugin> plugins, PluginRunner runner) {
        this.registry = plugins;
        this.runner = runner;
    }

    /**
     * @param turnId the turn's id (the stored event's id)
     * @param event  the event
     * @param now    the time of the turn, the plugins' clock
     * @return the handoff for that turn
     */
    public PluginHandoff forTurn(long turnId, Event event, Instant now) {
        return (id, parameters, captures, state) -> {
            LoadedPlugin plugin = registry.apply(id);
            if (plugin == null) {
                // rule files are checked against the loaded plugins, so only a file read without that check gets here
                LOG.error("A rule hands turn {} to plugin {}, which is not loaded", turnId, id);
                return List.of();
            }
            PluginTurn turn = new PluginTurn(turnId, event, state, captures, parameters, plugin.settings(),
                    Clock.fixed(now, ZoneOffset.UTC));
            return runner.call(plugin.plugin(), turn);
        };
    }
}
