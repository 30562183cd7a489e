package io.hookbot.inbox.journal;

import io.hookbot.channel.StoreOutcome;
import io.hookbot.db.DatabaseErrors;
import io.hookbot.worker.SafeErrors;
import io.hookbot.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Acknowledges a webhook as soon as its new events are appended to the {@link InboxJournal}, before the database
 * write: on an embedded H2 file that this process alone owns, with {@code hookbot.inbox.journal} on (the default).
 * That write, and whatever H2 is writing for the turns at the moment, are then behind the acknowledgement instead
 * of in it (docs/benchmarks.md, "The acknowledgement's tail: the inbox journal").
 *
 * <p>The answer is still exact: under one lock the call's keys are looked up among the events on their way to the
 * table and then, one index look-up each, in the table itself; only the new ones are journaled. A journaled event is
 * in the table a moment later (its conversation is woken then), and after a crash it is stored at the next start.
 * Journaled events were acknowledged already, so they are written however long it takes, in order, and stay in the
 * journal until they are: a database that fails is retried after the writer's backoff, and an event the table
 * refuses for good goes to the {@link QuarantinedEvents quarantine} while the others go on. When more than
 * {@code hookbot.inbox.journal-backlog} journaled events wait for the table, acknowledgements wait for their own
 * write again, which slows a platform down to the pace the database keeps.
 */
public final class JournalingIntake extends QueuedIntake {

    private static final Logger LOG = LoggerFactory.getLogger(JournalingIntake.class);

    private final InboxJournal journal;
    private final Path folder;
    private final QuarantinedEvents quarantine;
    private final long backlog;
    /** Serializes the look-up and the append, so that two calls with one key cannot both store it. */
    private final Object appendLock = new Object();
    private final OnTheirWay onTheirWay = new OnTheirWay();
    /** The keys the table may hold, so that a call with new keys needs no look-up (under {@link #appendLock}). */
    private final SeenKeys seen;
    /** A group whose write failed, written again before anything else (it was acknowledged). */
    private volatile List<Pending> carried;

    private JournalingIntake(InboxJournal journal, Path folder, EventTable table, Worker writer, QuarantinedEvents quarantine,
                             int queueCapacity, int maxBatch, long backlog) {
        super(table, writer, queueCapacity, maxBatch);
        this.journal = journal;
        this.folder = folder;
        this.quarantine = quarantine;
        this.backlog = backlog;
        this.seen = new SeenKeys(table, appendLock, onTheirWay);
    }

    /**
     * Opens the journal and the quarantine beside an embedded H2 file; what a crash left in the journal is then
     * {@link #recover recovered}.
     *
     * @param databaseFile  the embedded H2's file
     * @param table         the inbox table
     * @param writer        the writer thread, whose state decides whether a failed group is kept
     * @param quarantine    the quarantine, opened here
     * @param queueCapacity webhooks waiting for the writer at most
     * @param maxBatch      events in one group commit at most
     * @param backlog       journaled events waiting for the table beyond which acknowledgements wait for it
     * @return the intake, or empty if the journal or the quarantine cannot be opened (logged: webhooks are then
     *         acknowledged after the database write, and the journal keeps what it holds for the next start)
     */
    public static Optional<JournalingIntake> open(Path databaseFile, EventTable table, Worker writer,
                                                  QuarantinedEvents quarantine, int queueCapacity, int maxBatch,
                                                  long backlog) {
        Path folder = journalFolder(databaseFile);
        InboxJournal opening;
        try {
            opening = InboxJournal.open(folder);
        } catch (IOException e) {
            LOG.error("Cannot open the inbox journal {}; webhooks are acknowledged after the database write instead "
                    + "(whatever the journal holds stays there for the next start)", folder, e);
            return Optional.empty();
        }
        try {
            quarantine.open(quarantineFolder(databaseFile));
        } catch (IOException e) {
            LOG.error("Cannot open the inbox quarantine {}; webhooks are acknowledged after the database write "
                    + "instead", quarantineFolder(databaseFile), e);
            return Optional.empty();
        }
        LOG.debug("Inbox journal at {}", folder);
        return Optional.of(new JournalingIntake(opening, folder, table, writer, quarantine, queueCapacity, maxBatch,
                backlog));
    }

    /**
     * Queues what a previous process appended and did not release, for the writer thread; blocks while the queue is
     * full, so the writer must be taking from this intake already.
     */
    public void recover() {
        long sequence = 0;
        for (byte[] record : journal.recovered()) {
            sequence++;
            try {
                enqueue(new Pending(JournalRecords.decode(record), sequence, null));
            } catch (IOException e) {
                LOG.error("Inbox journal {}: record {} is not readable and is skipped", folder, sequence, e);
            }
        }
        // only now (no webhook is taken before this returns): every recovered event is on its way to the table or
        // in it, so the key filter's load finds it either way
        seen.loadIfWanted();
    }

    /**
     * @param databaseFile the embedded H2's file ({@code data/hookbot.mv.db})
     * @return the journal's folder beside it ({@code data/hookbot.journal})
     */
    public static Path journalFolder(Path databaseFile) {
        return besideDatabase(databaseFile, ".journal");
    }

    /**
     * @param databaseFile the embedded H2's file ({@code data/hookbot.mv.db})
     * @return the quarantine's folder beside it ({@code data/hookbot.quarantine})
     */
    public static Path quarantineFolder(Path databaseFile) {
        return besideDatabase(databaseFile, ".quarantine");
    }

    private static Path besideDatabase(Path databaseFile, String suffix) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        return databaseFile.resolveSibling(name + suffix);
    }

    @Override
    public CompletableFuture<StoreOutcome> store(String channel, List<NewEvent> rows) throws Exception {
        Pending pending;
        int duplicates;
        synchronized (appendLock) {
            Set<String> fresh = new LinkedHashSet<>();
            for (NewEvent row : rows) {
                if (!onTheirWay.contains(row)) {
                    fresh.add(row.dedupeKey());
                }
            }
            // after the look-up among those on their way: an event leaves them only once it is in the table; only
            // keys the table may hold are looked up there
            Set<String> maybe = seen.mayHold(channel, fresh);
            if (!maybe.isEmpty()) {
                fresh.removeAll(table.existing(channel, maybe));
            }
            List<NewEvent> news = new ArrayList<>(fresh.size());
            for (NewEvent row : rows) {
                if (fresh.remove(row.dedupeKey())) {
                    news.add(row);
                }
            }
            duplicates = rows.size() - news.size();
            if (news.isEmpty()) {
                return CompletableFuture.completedFuture(new StoreOutcome(0, duplicates));
            }
            if (!accepting || queue.remainingCapacity() == 0) {
                return CompletableFuture.failedFuture(refusal());
            }
            long sequence;
            try {
                sequence = journal.append(JournalRecords.encode(news));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            seen.addAll(news);
            pending = new Pending(news, sequence, new CompletableFuture<>());
            enqueue(pending);
        }
        seen.loadIfWanted();
        StoreOutcome outcome = new StoreOutcome(pending.rows().size(), duplicates);
        if (onTheirWay.size() > backlog) {
            // the table is far behind: this call waits for its own write, so the platform slows to the table's pace
            return pending.result().thenApply(ignored -> outcome);
        }
        return CompletableFuture.completedFuture(outcome);
    }

    private void enqueue(Pending pending) {
        onTheirWay.add(pending.rows());
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing journaled events", e);
        }
    }

    @Override
    public void writeNext() throws Exception {
        List<Pending> group = carried != null ? carried : nextGroup();
        carried = null;
        if (group.isEmpty()) {
            probeAfterFailure();
            return;
        }
        try {
            write(group);
        } catch (Throwable failure) {
            if (writer.running()) {
                // acknowledged already: never dropped, written first after the supervisor's backoff
                carried = group;
            } else {
                LOG.error("Inbox writer stopping with {} journaled events not in the table; they are stored at the "
                        + "next start", rowsOf(group).size());
                group.stream().filter(p -> p.result() != null).forEach(p -> p.result().completeExceptionally(failure));
            }
            throw failure;
        }
    }

    private void write(List<Pending> group) throws Exception {
        List<NewEvent> all = rowsOf(group);
        boolean[] inserted;
        try {
            inserted = table.insert(all);
        } catch (Exception e) {
            if (!DatabaseErrors.isCausedByData(e)) {
                throw e;
            }
            inserted = insertEachOrQuarantine(all);
        }
        try {
            journal.release(group.get(group.size() - 1).sequence());
        } catch (IOException e) {
            LOG.warn("Inbox journal: could not drop records already in the table ({}); they are stored again, as "
                    + "redeliveries, at the next start", e.toString());
        }
        onTheirWay.arrived(all);
        table.wake(all, inserted);
        for (Pending pending : group) {
            onTheirWay.uncount(pending.rows());
            if (pending.result() != null) {
                pending.result().complete(null);
            }
        }
    }

    /** The events one at a time: those the table refuses for their data are quarantined. */
    private boolean[] insertEachOrQuarantine(List<NewEvent> rows) throws Exception {
        boolean[] inserted = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            try {
                inserted[i] = table.insert(List.of(rows.get(i)))[0];
            } catch (Exception e) {
                if (!DatabaseErrors.isCausedByData(e)) {
                    throw e;
                }
                quarantine.put(rows.get(i), SafeErrors.describe(e));
            }
        }
        return inserted;
    }

    @Override
    public boolean drained() {
        return queue.isEmpty() && carried == null;
    }

    @Override
    public Map<String, Long> queued() {
        return onTheirWay.byChannel();
    }

    @Override
    public Map<String, Instant> oldestQueued() {
        Map<String, Instant> oldest = new TreeMap<>();
        List<Pending> carry = carried;
        List<Pending> waiting = new ArrayList<>(queue);
        if (carry != null) {
            waiting.addAll(carry);
        }
        for (Pending pending : waiting) {
            for (NewEvent row : pending.rows()) {
                oldest.merge(row.channel(), row.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return oldest;
    }

    @Override
    public void close() {
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("Inbox journal: could not close it cleanly: {}", e.toString());
        }
    }
}
