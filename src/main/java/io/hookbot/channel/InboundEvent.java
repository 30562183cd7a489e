package io.hookbot.channel;

import io.hookbot.api.Event;

/**
 * What a webhook carries, with the key that recognises a redelivery of it: an event, or (for a platform that numbers
 * its calls) the call's {@link BatchMark}. Exactly one of {@code event} and {@code batchMark} is set.
 *
 * @param dedupeKey unique within the channel for this event: the platform's message id where it has one,
 *                  otherwise a stable digest of the identifying fields (each platform documents its choice)
 * @param event     the normalized event, or {@code null} for a batch marker
 * @param batchMark the call's batch marker, or {@code null} for an event
 */
public record InboundEvent(String dedupeKey, Event event, BatchMark batchMark) {

    /** Longest dedupe key the inbox stores. */
    public static final int MAX_DEDUPE_KEY = 200;
    /** Longest conversation key the inbox stores. */
    public static final int MAX_CONVERSATION = 300;

    public InboundEvent {
        if (dedupeKey.length() > MAX_DEDUPE_KEY) {
            throw new IllegalArgumentException("dedupe key longer than " + MAX_DEDUPE_KEY + ": " + dedupeKey);
        }
        if ((event == null) == (batchMark == null)) {
            throw new IllegalArgumentException("either an event or a batch marker: " + dedupeKey);
        }
        String conversation = event != null ? event.conversation() : batchMark.conversation();
        if (conversation.length() > MAX_CONVERSATION) {
            throw new IllegalArgumentException("conversation key longer than " + MAX_CONVERSATION);
        }
    }

    /**
     * @param dedupeKey the event's dedupe key
     * @param event     the normalized event
     */
    public InboundEvent(String dedupeKey, Event event) {
        this(dedupeKey, event, null);
    }

    /**
     * @param dedupeKey the call's dedupe key: the same for the same call sent again, another for another call
     * @param mark      the call's batch marker
     * @return the marker, as the inbox takes it
     */
    public static InboundEvent of(String dedupeKey, BatchMark mark) {
        return new InboundEvent(dedupeKey, null, mark);
    }

    /** @return the conversation the event or the marker belongs to */
    public String conversation() {
        return event != null ? event.conversation() : batchMark.conversation();
    }
}
