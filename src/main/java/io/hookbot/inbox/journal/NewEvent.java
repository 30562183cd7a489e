package io.hookbot.inbox.journal;

import java.time.Instant;

/**
 * An event of a webhook, encoded and ready to insert into the inbox table (or to append to the journal).
 *
 * @param channel      the channel
 * @param dedupeKey    the dedupe key
 * @param conversation the conversation key
 * @param type         the event type name
 * @param payload      the encoded event
 * @param receivedAt   when its webhook arrived
 */
public record NewEvent(String channel, String dedupeKey, String conversation, String type, String payload,
                       Instant receivedAt) {
}
