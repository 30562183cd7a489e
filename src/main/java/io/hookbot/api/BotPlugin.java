package io.hookbot.api;

import java.util.List;

/**
 * A bot plugin: Java code a rule hands a turn to ({@code - plugin: <id>} in a rule file). It looks at the
 * {@link PluginTurn} and returns {@link Action actions}, which hookbot commits with the turn: replies and sends go to
 * the outbox, state changes to the conversation. A plugin never sends anything or writes to a database itself, and
 * does no I/O while it answers: read what it needs (a CSV, a model) when it is constructed.
 *
 * <p>Override the callback of the events your plugin answers; the others do nothing. Callbacks may be called from
 * several threads at once (for different conversations), so keep a plugin's fields immutable or thread-safe. Each
 * call has a time budget ({@code hookbot.plugins.timeout}, 2 s by default): a call that throws, returns an answer
 * {@link PluginCalls#problem} refuses, or overruns its budget is cut off and its turn goes on without it.
 *
 * <p>hookbot finds a plugin as a Micronaut bean on its class path, or through {@link java.util.ServiceLoader} in a
 * jar in {@code bots/plugins/} that lists the class in {@code META-INF/services/io.hookbot.api.BotPlugin} (such a
 * class needs a public no-argument constructor).
 */
public interface BotPlugin {

    /**
     * @return the plugin's id, as rule files name it ({@code order-status}) and as its settings are keyed
     *         ({@code hookbot.plugins.order-status.*}): lower-case letters, digits and dashes
     */
    String id();

    /** @return what the plugin does, in one line, for the startup log and the {@code /plugins} endpoint */
    default String description() {
        return "";
    }

    /**
     * A rule handed over a message.
     *
     * @param message the message
     * @param turn    the turn: state, captures, parameters, settings, clock, presence
     * @return the actions, in order; empty to do nothing; never {@code null}
     */
    default List<Action> onMessage(MessageReceived message, PluginTurn turn) {
        return List.of();
    }

    /**
     * A rule handed over a presence change.
     *
     * @param presence the presence change
     * @param turn     the turn
     * @return the actions, in order; empty to do nothing; never {@code null}
     */
    default List<Action> onPresence(PresenceChanged presence, PluginTurn turn) {
        return List.of();
    }

    /**
     * A rule handed over a meeting event.
     *
     * @param meeting the meeting event
     * @param turn    the turn
     * @return the actions, in order; empty to do nothing; never {@code null}
     */
    default List<Action> onMeeting(MeetingEvent meeting, PluginTurn turn) {
        return List.of();
    }

    /**
     * A rule handed over a device event (a USSD response, a phone notification).
     *
     * @param device the device event
     * @param turn   the turn
     * @return the actions, in order; empty to do nothing; never {@code null}
     */
    default List<Action> onDevice(DeviceEvent device, PluginTurn turn) {
        return List.of();
    }

    /**
     * A schedule rule ({@code on: schedule}) handed over its firing. There is no event and no conversation:
     * {@link PluginTurn#event()} is {@code null} and the state is empty; answer with {@link Send}s.
     *
     * @param turn the firing: its id, the rule's {@code with:} values, the plugin's settings, the clock
     * @return the actions, in order; empty to do nothing; never {@code null}
     */
    default List<Action> onSchedule(PluginTurn turn) {
        return List.of();
    }
}
