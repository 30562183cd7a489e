package io.hookbot.bot.rules;

import io.hookbot.api.PresenceView;


/**
 * What rules may look up beyond the event and the conversation state: other users' presence, whether the
 * message is the first its sender ever sent on the channel, and who opted out. The turn's owner supplies them: the dispatcher reads
 * them in the turn's transaction, the command line from what it has replayed. Presence is looked up only when a
 * rule that asks for it is tried, so rules that do not ask cost nothing.
 */
public interface TurnLookups {

    /** Knows no one (every other user is offline) and counts no message as a first one; for tools and tests. */
    TurnLookups NONE = of(PresenceView.empty(), false);

    /** @return the presence of every user, as of this turn (its own presence change included) */
    PresenceView presence();

    /**
     * @return whether the turn's event is a message and no earlier message from its sender was seen on its channel
     */
    boolean firstMessage();

    /**
     * @return whether the turn's sender opted out (STOP) on its channel's opt-out scope, the turn's own keyword
     *         included; {@code false} where the channel does not honour opt-outs, and for tools and tests
     */
    default boolean senderOptedOut() {
        return false;
    }

    /**
     * @param channel a channel's name
     * @param to      a recipient on it, as a {@code send} names it
     * @return whether that recipient opted out on the channel's scope, so that a send to it would be suppressed;
     *         {@code false} where the channel does not honour opt-outs, and for tools and tests
     */
    default boolean optedOut(String channel, String to) {
        return false;
    }

    /**
     * @param presence     the presence view
     * @param firstMessage whether the turn's message is its sender's first on the channel
     * @return lookups answering from those
     */
    static TurnLookups of(PresenceView presence, boolean firstMessage) {
        return new TurnLookups() {
            @Override
            public PresenceView presence() {
                return presence;
            }

            @Override
            public boolean firstMessage() {
                return firstMessage;
            }
        };
    }
}
