/**
 * The inbox: every event a webhook carries is committed here, deduplicated by (channel, dedupe key), and that commit
 * is on the disk ({@link io.hookbot.db.Durability}) before the webhook is acknowledged; the
 * {@link io.hookbot.inbox.Dispatcher} then feeds each conversation's events to the bot one turn at a time, in order,
 * after the {@link io.hookbot.inbox.Sequencer} has put numbered batches (Webinato) back in the platform's order.
 * Turned events are deleted after the retention ({@link io.hookbot.inbox.InboxRetention}), which bounds how long
 * a redelivery is recognised. Depends on {@code api}, {@code channel}, {@code conversation}, {@code presence},
 * {@code bot}, {@code outbox} and {@code db}.
 */
package io.hookbot.inbox;
