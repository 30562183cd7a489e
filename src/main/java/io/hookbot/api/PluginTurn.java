package io.hookbot.api;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * What a plugin is given for one turn: the event, the conversation's state, what the rule that handed the turn over
 * captured and passed, the plugin's own settings, the clock, who is online, and whether the message is its sender's
 * first: the same turn the rules see. Everything in it is read-only; a
 * plugin changes things by returning {@link Action actions}.
 *
 * <p><b>Presence.</b> {@link #presence()} reads inside the turn's own transaction: it sees the presence change the
 * turn itself is answering and everything committed before, never half of another turn. hookbot runs each query on
 * the thread that holds the turn's transaction, also when the plugin itself runs on a plugin thread (the plugin's
 * thread hands the query over and waits for the answer), so the database connection is never used by two threads.
 * Ask it only while the callback runs, from the thread it was called on: afterwards, or from a thread of the
 * plugin's own, a query fails with {@link IllegalStateException}. Each query is a database read and counts against
 * the call's time budget.
 *
 * @param id         the turn's id (the stored event's id), for the plugin's own logs
 * @param event      the event being answered; {@code null} when a schedule rule fired (see
 *                   {@link BotPlugin#onSchedule(PluginTurn)})
 * @param state      the conversation's state as it is when the plugin is called (actions of rules that fired
 *                   before in this turn included)
 * @param captures   the named groups captured by the rule's regexes ({@code (?<order>\d+)} gives {@code order})
 * @param parameters the rule's {@code with:} values, their templates filled in
 * @param settings   the plugin's settings, {@code hookbot.plugins.<id>.<name>} as {@code <name>}
 * @param clock      the clock of the turn; its {@link Clock#instant()} is the time of the turn
 * @param presence     who is online, where, and since when (see above); {@code null} gives a view that knows no one
 * @param firstMessage whether the event is a message and the first its sender ever sent on its channel: what a
 *                     rule's {@code first-message} condition sees in the same turn
 */
public record PluginTurn(long id, Event event, Map<String, String> state, Map<String, String> captures,
                         Map<String, String> parameters, Map<String, String> settings, Clock clock,
                         PresenceView presence, boolean firstMessage) {

    public PluginTurn {
        state = state == null ? Map.of() : Map.copyOf(state);
        captures = captures == null ? Map.of() : Map.copyOf(captures);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        clock = clock == null ? Clock.systemUTC() : clock;
        presence = presence == null ? PresenceView.empty() : presence;
    }

    /**
     * A turn that is not its sender's first message.
     *
     * @param id         the turn's id
     * @param event      the event, or {@code null} for a schedule firing
     * @param state      the conversation's state
     * @param captures   the rule's named captures
     * @param parameters the rule's {@code with:} values
     * @param settings   the plugin's settings
     * @param clock      the clock of the turn
     * @param presence   who is online
     */
    public PluginTurn(long id, Event event, Map<String, String> state, Map<String, String> captures,
                      Map<String, String> parameters, Map<String, String> settings, Clock clock, PresenceView presence) {
        this(id, event, state, captures, parameters, settings, clock, presence, false);
    }

    /** @return the channel the event arrived on; {@code null} for a schedule firing */
    public String channel() {
        return event == null ? null : event.channel();
    }

    /** @return the conversation the event belongs to; {@code null} for a schedule firing */
    public String conversation() {
        return event == null ? null : event.conversation();
    }

    /**
     * @return who the event is about: a message's sender, a presence change's user, a meeting event's actor;
     *         {@code null} for device events and meeting events without an actor
     */
    public User sender() {
        return event == null ? null : event.person();
    }

    /** @return the message's text, or an empty text when the event is not a message */
    public String text() {
        return event instanceof MessageReceived message ? message.text() : "";
    }

    /** @return the time of the turn, from {@link #clock()} */
    public Instant now() {
        return clock.instant();
    }

    /**
     * @param name a parameter name from the rule's {@code with:}
     * @return its value, or {@code null} if the rule did not pass it
     */
    public String parameter(String name) {
        return parameters.get(name);
    }

    /**
     * @param name     a setting name ({@code faq-file} for {@code hookbot.plugins.<id>.faq-file})
     * @param fallback the value when it is not set
     * @return the setting's value, or the fallback
     */
    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
