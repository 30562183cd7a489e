package io.hookbot.outbox;

import java.time.Instant;

/**
 * A channel whose deliveries are paused because its platform refused our credentials.
 *
 * @param channel    the channel
 * @param reason     what the platform said
 * @param statusCode 401 or 403
 * @param messageId  the outbox row whose attempt was refused
 * @param pausedAt   since when
 */
public record ChannelPause(String channel, String reason, int statusCode, long messageId, Instant pausedAt) {
}
