package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.channel.StorableText;
import io.hookbot.channel.WebhookRejection;
import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * The inbox table's limits, checked on a webhook's events before anything is journaled or written, so that a call
 * whose data the table cannot hold is refused at once instead of acknowledged and then failing in the writer. The
 * platforms check each field they read; this is the last word on what reaches the table, the same on H2 and
 * PostgreSQL: the column sizes of {@code inbox_event} (V1 migration) and no text that either database would refuse
 * or change ({@link StorableText}).
 *
 * <p>The payload column holds 1,000,000 characters (H2's longest {@code VARCHAR}); the HTTP layer accepts bodies up
 * to {@code micronaut.server.max-request-size} (1 MB), and an event's stored JSON can be longer than its body (a
 * form's values escaped, say). An event whose stored form is over the limit is refused with a 413 rather than kept
 * in a larger column: no platform documents events that large, and the limit stays the same on both databases.
 */
final class StorableEvents {

    /** Longest stored event, in characters: {@code inbox_event.payload}. */
    static final int MAX_PAYLOAD = 1_000_000;
    /** {@code inbox_event.channel}. */
    static final int MAX_CHANNEL = 100;
    /** {@code inbox_event.dedupe_key}. */
    static final int MAX_DEDUPE_KEY = 200;
    /** {@code inbox_event.conversation_key}. */
    static final int MAX_CONVERSATION = 300;

    private StorableEvents() {
    }

    /**
     * @param rows one webhook's events, encoded as they would be stored
     * @throws WebhookRejection 413 if an event is too large to store, 400 if a key could not be stored as it is
     */
    static void check(List<NewEvent> rows) throws WebhookRejection {
        for (NewEvent row : rows) {
            if (row.payload().length() > MAX_PAYLOAD) {
                throw new WebhookRejection(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too_large", null,
                        "an event of this call would be stored as " + row.payload().length()
                                + " characters; the inbox stores at most " + MAX_PAYLOAD + " per event");
            }
            text("channel", row.channel(), MAX_CHANNEL);
            text("dedupe key", row.dedupeKey(), MAX_DEDUPE_KEY);
            text("conversation key", row.conversation(), MAX_CONVERSATION);
            int bad = StorableText.firstUnstorable(row.payload());
            if (bad >= 0) {
                throw WebhookRejection.invalid(null, "the event cannot be stored: its text holds "
                        + StorableText.describe(row.payload(), bad));
            }
        }
    }

    private static void text(String what, String value, int max) throws WebhookRejection {
        if (value.length() > max) {
            throw WebhookRejection.invalid(null, "the event's " + what + " would be " + value.length()
                    + " characters; the inbox stores at most " + max);
        }
        int bad = StorableText.firstUnfitForIdentifier(value);
        if (bad >= 0) {
            throw WebhookRejection.invalid(null, "the event's " + what + " cannot be stored: it holds "
                    + StorableText.describe(value, bad));
        }
    }
}
