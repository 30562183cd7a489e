package io.hookbot.conversation;

import java.util.Map;

/**
 * A conversation as its current turn sees it.
 *
 * @param id      the row id
 * @param channel the channel
 * @param key     the conversation key within the channel
 * @param state   the values rules and plugins remembered, never {@code null}
 * @param turns   how many turns it has had
 */
public record Conversation(long id, String channel, String key, Map<String, String> state, long turns) {

    public Conversation {
        state = Map.copyOf(state);
    }
}
