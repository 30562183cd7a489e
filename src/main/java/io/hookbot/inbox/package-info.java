/**
 * The inbox: every event a webhook carries is checked against what the table holds
 * ({@link io.hookbot.inbox.StorableEvents}) and stored, deduplicated by (channel, dedupe key), before the webhook is
 * acknowledged. The {@link io.hookbot.inbox.InboxWriter} takes the events in through the intake it picks once (in
 * {@code inbox.journal}: after the commit, or, on an embedded H2 file this process owns, after an append to the
 * journal) and runs the one writer thread that groups them into the table; {@code InboxTable} is the table as that
 * package sees it. The {@link io.hookbot.inbox.Dispatcher} then feeds each conversation's events to the bot one turn
 * at a time, in order, after the {@link io.hookbot.inbox.Sequencer} has put numbered batches (Webinato) back in the
 * platform's order (it reads the rows as {@link io.hookbot.inbox.StoredRow}s, events and the calls' batch markers,
 * consumes the markers and hands on events alone): the dispatcher is the threads and the poll;
 * {@code ConversationQueue} the ready set and which pass holds which conversation (pure concurrency, no database);
 * {@code TurnPass} one transaction over the conversations a worker took, with the one-by-one fallback;
 * {@code ConversationTurns} the take and the turns on that transaction's connection. The replies go to
 * {@link io.hookbot.outbox.OutboxWriter}, which hands them to delivery after the commit. A schedule firing, which
 * the schedule poller stores on {@link io.hookbot.api.ScheduleFired#CHANNEL}, is turned the same way. Turned events
 * are deleted after the retention ({@link io.hookbot.inbox.InboxRetention}), which bounds how long a redelivery is
 * recognised; the {@code inbox} health component says when the oldest pending event
 * waits too long, and how many journaled and quarantined events there are; a pass's turns are counted
 * ({@link io.hookbot.metrics.TurnMeters}) once it commits, {@code InboxGauges} gives the backlog's gauges, and
 * {@link io.hookbot.inbox.TurnRecords} writes what each turn decided into its event's row. Depends on {@code api}, {@code channel},
 * {@code conversation}, {@code presence}, {@code bot} (with {@code bot.rules} and {@code bot.plugins}:
 * the turn's evaluation and a plugin turn's hand-back), {@code outbox}, {@code db}, {@code config}, {@code worker},
 * {@code metrics} (the turns counted, the backlog's gauges), {@code handoff} (a turn in human mode), {@code optout}
 * (a turn's STOP, START or HELP, handled before its rules by {@link io.hookbot.inbox.TurnOptOuts}),
 * and on {@code inbox.journal} (the intakes, the quarantine, {@link io.hookbot.inbox.journal.NewEvent}), which
 * does not depend on this package.
 */
package io.hookbot.inbox;
