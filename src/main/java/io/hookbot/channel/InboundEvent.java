package io.hookbot.channel;

import io.hookbot.api.Event;

/**
 * An event read from a webhook, with the key that recognises a redelivery of it.
 *
 * @param dedupeKey unique within the channel for this event: the platform's message id where it has one,
 *                  otherwise a stable digest of the identifying fields (each platform documents its choice)
 * @param event     the normalized event
 */
public record InboundEvent(String dedupeKey, Event event) {

    /** Longest dedupe key the inbox stores. */
    public static final int MAX_DEDUPE_KEY = 200;
    /** Longest conversation key the inbox stores. */
    public static final int MAX_CONVERSATION = 300;

    public InboundEvent {
        if (dedupeKey.length() > MAX_DEDUPE_KEY) {
            throw new IllegalArgumentException("dedupe key longer than " + MAX_DEDUPE_KEY + ": " + dedupeKey);
        }
        if (event.conversation().length() > MAX_CONVERSATION) {
            throw new IllegalArgumentException("conversation key longer than " + MAX_CONVERSATION);
        }
    }
}
