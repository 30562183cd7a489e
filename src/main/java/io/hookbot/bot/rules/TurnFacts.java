package io.hookbot.bot.rules;

import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;

import java.time.Instant;
import java.util.Map;

/**
 * What rule conditions look at for one turn, computed once per turn and shared by every rule.
 *
 * @param event    the event
 * @param platform the platform of the event's channel, or {@code null} if unknown
 * @param folded   the message text folded by {@link Normalizer}, or {@code " "} for other events
 * @param state    the conversation state as the rule sees it
 * @param now      the time of the turn
 * @param lookups  presence and first-message knowledge, asked only by the conditions that need them
 */
record TurnFacts(Event event, String platform, String folded, Map<String, String> state, Instant now, TurnLookups lookups) {

    static TurnFacts of(Event event, String platform, Map<String, String> state, Instant now) {
        return of(event, platform, state, now, TurnLookups.NONE);
    }

    static TurnFacts of(Event event, String platform, Map<String, String> state, Instant now, TurnLookups lookups) {
        String folded = event instanceof MessageReceived m ? Normalizer.fold(m.text()) : " ";
        return new TurnFacts(event, platform, folded, state, now, lookups);
    }

    /** @return the message text, or {@code null} for other events */
    String text() {
        return event instanceof MessageReceived m ? m.text() : null;
    }

    /** @return the person the event is about: a message's sender, a presence's user, a meeting's actor */
    User person() {
        return event == null ? null : event.person();
    }
}
