package io.hookbot.inbox;

/**
 * Names a conversation: the unit of ordering.
 *
 * @param channel the channel
 * @param key     the conversation key within the channel
 */
public record ConversationRef(String channel, String key) {
}
