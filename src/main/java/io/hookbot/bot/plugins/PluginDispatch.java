package io.hookbot.bot.plugins;

import io.hookbot.api.Event;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.PresenceView;
import io.hookbot.api.ScheduleFired;
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

/**
 * Gives each turn the handoff its rules' {@code plugin:} actions use: find the plugin, build its turn, run it. The
 * turn's presence view is the server's, bound to the turn's thread (see {@link PluginPresenceView}), so a plugin reads
 * presence inside the turn's transaction wherever it runs.
 */
@Singleton
public class PluginDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDispatch.class);

    private final Function<String, LoadedPlugin> registry;
    private final PluginRunner runner;
    private final PresenceView presence;

    @Inject
    public PluginDispatch(PluginRegistry registry, PluginRunner runner, PresenceView presence) {
        this(registry::find, runner, presence);
    }

    /**
     * @param plugins  finds a loaded plugin by id, {@code null} if none
     * @param runner   runs a call in isolation
     * @param presence the server's presence view, which reads in the transaction of the thread it is called on
     */
    public PluginDispatch(Function<String, LoadedPlugin> plugins, PluginRunner runner, PresenceView presence) {
        this.registry = plugins;
        this.runner = runner;
        this.presence = presence;
    }

    /**
     * {@link #forTurn(long, Event, Instant, boolean)} for a turn that is no sender's first message.
     *
     * @param turnId the turn's id (the stored event's id)
     * @param event  the event
     * @param now    the time of the turn, the plugins' clock
     * @return the handoff for that turn
     */
    public PluginHandoff forTurn(long turnId, Event event, Instant now) {
        return forTurn(turnId, event, now, false);
    }

    /**
     * @param turnId       the turn's id (the stored event's id)
     * @param event        the event; a schedule firing's plugins are given none, as {@link PluginTurn} says
     * @param now          the time of the turn, the plugins' clock
     * @param firstMessage whether the event is its sender's first message on the channel, as the rules saw it
     * @return the handoff for that turn
     */
    public PluginHandoff forTurn(long turnId, Event event, Instant now, boolean firstMessage) {
        Event given = event instanceof ScheduleFired ? null : event;
        return (id, parameters, captures, state) -> {
            LoadedPlugin plugin = registry.apply(id);
            if (plugin == null) {
                // rule files are checked against the loaded plugins, so only a file read without that check gets here
                LOG.error("A rule hands turn {} to plugin {}, which is not loaded", turnId, id);
                return List.of();
            }
            // the handoff is called on the turn's thread, which holds the turn's transaction
            PluginPresenceView turnPresence = new PluginPresenceView(presence, Thread.currentThread());
            PluginTurn turn = new PluginTurn(turnId, given, state, captures, parameters, plugin.settings(),
                    Clock.fixed(now, ZoneOffset.UTC), turnPresence, firstMessage);
            return runner.call(plugin.plugin(), turn, turnPresence);
        };
    }
}
