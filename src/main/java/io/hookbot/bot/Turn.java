package io.hookbot.bot;

import io.hookbot.api.Event;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.conversation.Conversation;

import java.time.Instant;

/**
 * One event being answered, with everything the bot may look at.
 *
 * @param eventId      the inbox id of the event
 * @param event        the event
 * @param conversation the conversation, with its state before this turn
 * @param now          the time of the turn
 * @param lookups      other users' presence and whether this is the sender's first message, read on the turn's
 *                     transaction
 */
public record Turn(long eventId, Event event, Conversation conversation, Instant now, TurnLookups lookups) {

    public Turn {
        lookups = lookups == null ? TurnLookups.NONE : lookups;
    }
}
