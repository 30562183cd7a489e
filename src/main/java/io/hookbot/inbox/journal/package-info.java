/**
 * How the inbox takes a webhook's events in, and when the webhook may be acknowledged: an
 * {@link io.hookbot.inbox.journal.Intake}, of which there are two. The
 * {@link io.hookbot.inbox.journal.CommittingIntake} acknowledges once the events' commit is on the disk (PostgreSQL,
 * an H2 other processes may share, the journal off). The {@link io.hookbot.inbox.journal.JournalingIntake}, on an
 * embedded H2 file this process owns, acknowledges once the new events are appended to the
 * {@link io.hookbot.inbox.journal.InboxJournal} (records: {@link io.hookbot.inbox.journal.JournalRecords}) and moves
 * them into the table right after; both group the waiting webhooks into one transaction on the inbox writer's
 * thread.
 *
 * <p>The quarantine lives here too ({@link io.hookbot.inbox.journal.InboxQuarantine}, the files, and
 * {@link io.hookbot.inbox.journal.QuarantinedEvents}, what the intake and the admin API use): only a journaled
 * event can be refused by the table after it was acknowledged, so only the journaling intake puts events aside, and
 * the quarantine's folder sits beside the journal's. Without a journal it is empty.
 *
 * <p>The table is reached through {@link io.hookbot.inbox.journal.EventTable}, which {@code inbox} implements
 * (durable inserts, the key look-up, the dispatcher's wake-up), so this package holds no SQL and opens no
 * transaction. It holds what goes in ({@link io.hookbot.inbox.journal.NewEvent}) and the refusal of what the table
 * cannot take ({@link io.hookbot.inbox.journal.UnstorableEventsException}). Depends on {@code channel}
 * ({@code StoreOutcome}, {@code Digests}), {@code db} ({@code DatabaseErrors}) and {@code worker}; not on
 * {@code inbox}, which depends on it.
 */
package io.hookbot.inbox.journal;
