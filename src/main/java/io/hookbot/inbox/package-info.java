/**
 * The inbox: every event a webhook carries is checked against what the table holds
 * ({@link io.hookbot.inbox.StorableEvents}) and stored, deduplicated by (channel, dedupe key), before the webhook is
 * acknowledged: on PostgreSQL the acknowledgement waits for the commit; on the embedded H2 for an append to the
 * {@link io.hookbot.inbox.InboxJournal}, from which the {@link io.hookbot.inbox.InboxWriter} moves the events into
 * the table right after (see there for why and what it keeps exact); a journaled event the table refuses goes to the
 * {@link io.hookbot.inbox.QuarantinedEvents quarantine}. The {@link io.hookbot.inbox.Dispatcher} then feeds each
 * conversation's events to the bot one turn at a time, in order, after the {@link io.hookbot.inbox.Sequencer} has
 * put numbered batches (Webinato) back in the platform's order. Turned events are deleted after the retention
 * ({@link io.hookbot.inbox.InboxRetention}), which bounds how long a redelivery is recognised; the {@code inbox}
 * health component says when the oldest pending event waits too long. Depends on {@code api}, {@code channel},
 * {@code conversation}, {@code presence}, {@code bot}, {@code outbox}, {@code db}, {@code config} and
 * {@code worker}.
 */
package io.hookbot.inbox;
