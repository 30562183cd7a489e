/**
 * Presence: who is online, where and since when, per channel and user, kept by the
 * {@link io.hookbot.presence.PresenceTracker} from presence changes and messages inside each turn's transaction,
 * read through {@link io.hookbot.api.PresenceView} and {@code GET /api/presence}; {@code PresenceGauges} gives who is
 * online per channel to the metrics. Depends on {@code api}, on {@code db} (the SQL dialect of its upsert) and on
 * {@code metrics} (the gauge).
 */
package io.hookbot.presence;
