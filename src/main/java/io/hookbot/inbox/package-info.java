/**
 * The inbox: every event a webhook carries is stored here, deduplicated by (channel, dedupe key), before the webhook
 * is acknowledged: on PostgreSQL the acknowledgement waits for the commit; on the embedded H2 for an append to the
 * {@link io.hookbot.inbox.InboxJournal}, from which the {@link io.hookbot.inbox.InboxWriter} moves the events into
 * the table right after (see there for why and what it keeps exact). The
 * {@link io.hookbot.inbox.Dispatcher} then feeds each conversation's events to the bot one turn at a time, in order,
 * after the {@link io.hookbot.inbox.Sequencer} has put numbered batches (Webinato) back in the platform's order.
 * Turned events are deleted after the retention ({@link io.hookbot.inbox.InboxRetention}), which bounds how long
 * a redelivery is recognised. Depends on {@code api}, {@code channel}, {@code conversation}, {@code presence},
 * {@code bot}, {@code outbox} and {@code db}.
 */
package io.hookbot.inbox;
