package io.hookbot.inbox;

import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.db.DatabaseErrors;
import io.hookbot.db.Durability;
import io.hookbot.db.SqlDialect;
import io.hookbot.worker.SafeErrors;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores webhook events in the inbox. One writer thread gathers the events of every webhook waiting at that moment
 * into one transaction (group commit), writes the commit to the disk ({@link Durability}) and wakes the
 * {@link Dispatcher}.
 *
 * <p>When is a webhook acknowledged? On PostgreSQL (and whenever the journal is off), once the commit that holds
 * its events is on the disk; a failed group is retried webhook by webhook, so one bad call cannot fail its
 * neighbours. On an embedded H2 file that one process owns (not {@code AUTO_SERVER}) with
 * {@code hookbot.inbox.journal} on (the default), as soon as its new events are
 * appended to the {@link InboxJournal}, before the database write: that write, and whatever H2 is writing for the
 * turns at the moment, are then behind the acknowledgement instead of in it (docs/benchmarks.md). The answer is
 * still exact: under one lock the call's keys are looked up among the events on their way to the table and then,
 * one index look-up each, in the table itself; only the new ones are journaled. A journaled event is in the table
 * a moment later (the dispatcher is woken then), and after a crash it is stored at the next start. When more than
 * {@code hookbot.inbox.journal-backlog} journaled events wait for the table, acknowledgements wait for their own
 * write again, which slows a platform down to the pace the database keeps.
 */
@Singleton
public class InboxWriter implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    /** A group write that takes longer than this is a stuck database: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final TransactionOperations<Connection> transactions;
    private final InboxStore store;
    private final Dispatcher dispatcher;
    private final Durability durability;
    private final SqlDialect dialect;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final boolean journalWanted;
    private final long journalBacklog;
    private final QuarantinedEvents quarantine;
    private final Worker writer;
    /** Serializes the journaled path's look-up and append, so that two calls with one key cannot both store it. */
    private final Object appendLock = new Object();
    /** Channel and dedupe key of every journaled event not yet in the table. */
    private final Set<String> onTheirWay = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> queuedByChannel = new ConcurrentHashMap<>();
    private final AtomicLong queued = new AtomicLong();
    private volatile InboxJournal journal;
    private volatile boolean opened;
    /** False once stopping: new webhooks are refused, the queue is written out. */
    private volatile boolean accepting = true;
    private boolean closed;
    /** A journaled group whose write failed, written again before anything else (it was acknowledged). */
    private List<Pending> carried;
    private long lastProbe;

    public InboxWriter(TransactionOperations<Connection> transactions, InboxStore store, Dispatcher dispatcher,
                       Durability durability, SqlDialect dialect, Supervisor supervisor,
                       QuarantinedEvents quarantine, InboxSettings settings) {
        this.transactions = transactions;
        this.store = store;
        this.dispatcher = dispatcher;
        this.durability = durability;
        this.dialect = dialect;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.maxBatch = settings.maxBatch();
        this.journalWanted = settings.journal();
        this.journalBacklog = settings.journalBacklog();
        this.quarantine = quarantine;
        this.writer = supervisor.loop("inbox-writer", STUCK_AFTER, this::round);
    }

    /** Opens the journal at start-up, so that what a crash left in it is stored even if no webhook comes. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        open();
    }

    /**
     * Stores the events of one webhook, all or nothing.
     *
     * @param channel the channel
     * @param events  the events
     * @return completes once the events are safe (journaled or committed), with how many were new and how many
     *         were redeliveries; fails if the inbox is full or the database is unreachable
     * @throws WebhookRejection before anything is stored, if an event could not be stored as it is
     *                          ({@link StorableEvents}): nothing that can never be written is ever acknowledged
     */
    public CompletableFuture<StoreOutcome> store(String channel, List<InboundEvent> events) throws WebhookRejection {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(new StoreOutcome(0, 0));
        }
        Instant now = Instant.now();
        List<InboxStore.NewEvent> rows = new ArrayList<>(events.size());
        for (InboundEvent inbound : events) {
            rows.add(new InboxStore.NewEvent(channel, inbound.dedupeKey(), inbound.event().conversation(),
                    EventCodec.typeOf(inbound.event()), EventCodec.encode(inbound.event()), now));
        }
        StorableEvents.check(rows);
        open();
        InboxJournal current = journal;
        try {
            return current == null ? direct(rows) : journaled(current, channel, rows);
        } catch (Exception e) {
            // the key look-up's checked SQL exceptions come through the transaction template unwrapped
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * @return per channel, events acknowledged and journaled that are not in the inbox table yet (they wait for
     *         their turn like the table's pending ones); empty when the journal is off
     */
    public Map<String, Long> queued() {
        Map<String, Long> result = new TreeMap<>();
        queuedByChannel.forEach((channel, count) -> {
            if (count.get() > 0) {
                result.put(channel, count.get());
            }
        });
        return result;
    }

    /**
     * @return per channel, when the oldest acknowledged and journaled event not yet in the inbox table arrived; empty
     *         when the journal is off or has caught up. Reads the queue: meant for the admin API, not for every call
     */
    public Map<String, Instant> oldestQueued() {
        Map<String, Instant> oldest = new TreeMap<>();
        List<Pending> carry = carried;
        List<Pending> waiting = new ArrayList<>(queue);
        if (carry != null) {
            waiting.addAll(carry);
        }
        for (Pending pending : waiting) {
            if (pending.sequence > 0) {
                for (InboxStore.NewEvent row : pending.rows) {
                    oldest.merge(row.channel(), row.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return oldest;
    }

    private CompletableFuture<StoreOutcome> direct(List<InboxStore.NewEvent> rows) {
        Pending pending = new Pending(rows, 0, new CompletableFuture<>());
        if (!accepting || !queue.offer(pending)) {
            pending.result.completeExceptionally(new RejectedExecutionException(
                    accepting ? "the inbox queue is full" : "hookbot is stopping"));
        }
        return pending.result;
    }

    private CompletableFuture<StoreOutcome> journaled(InboxJournal journal, String channel,
                                                      List<InboxStore.NewEvent> rows) {
        Pending pending;
        int duplicates;
        synchronized (appendLock) {
            Set<String> fresh = new LinkedHashSet<>();
            for (InboxStore.NewEvent row : rows) {
                if (!onTheirWay.contains(wayKey(row))) {
                    fresh.add(row.dedupeKey());
                }
            }
            // after the look-up among those on their way: an event leaves them only once it is in the table
            if (!fresh.isEmpty()) {
                fresh.removeAll(transactions.executeRead(
                        status -> store.existing(status.getConnection(), channel, fresh)));
            }
            List<InboxStore.NewEvent> news = new ArrayList<>(fresh.size());
            for (InboxStore.NewEvent row : rows) {
                if (fresh.remove(row.dedupeKey())) {
                    news.add(row);
                }
            }
            duplicates = rows.size() - news.size();
            if (news.isEmpty()) {
                return CompletableFuture.completedFuture(new StoreOutcome(0, duplicates));
            }
            if (!accepting || queue.remainingCapacity() == 0) {
                return CompletableFuture.failedFuture(new RejectedExecutionException(
                        accepting ? "the inbox queue is full" : "hookbot is stopping"));
            }
            long sequence;
            try {
                sequence = journal.append(JournalRecords.encode(news));
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            pending = new Pending(news, sequence, new CompletableFuture<>());
            enqueue(pending);
        }
        StoreOutcome outcome = new StoreOutcome(pending.rows.size(), duplicates);
        if (queued.get() > journalBacklog) {
            // the table is far behind: this call waits for its own write, so the platform slows to the table's pace
            return pending.result.thenApply(ignored -> outcome);
        }
        return CompletableFuture.completedFuture(outcome);
    }

    private void enqueue(Pending pending) {
        for (InboxStore.NewEvent row : pending.rows) {
            onTheirWay.add(wayKey(row));
        }
        count(pending, 1);
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing journaled events", e);
        }
    }

    private void count(Pending pending, int sign) {
        queued.addAndGet(sign * (long) pending.rows.size());
        for (InboxStore.NewEvent row : pending.rows) {
            queuedByChannel.computeIfAbsent(row.channel(), c -> new AtomicLong()).addAndGet(sign);
        }
    }

    private static String wayKey(InboxStore.NewEvent row) {
        return row.channel() + '\n' + row.dedupeKey();
    }

    private void open() {
        if (!opened) {
            openOnce();
        }
    }

    private synchronized void openOnce() {
        if (opened) {
            return;
        }
        try {
            openJournal();
        } finally {
            // only now: a call that comes in meanwhile waits on this method's lock, not going on without the journal
            opened = true;
        }
    }

    private void openJournal() {
        Path file = journalWanted ? durability.embeddedFile().orElse(null) : null;
        if (file == null) {
            return;
        }
        // a journal belongs to one process: not when others may open the same file (AUTO_SERVER)
        if (transactions.executeRead(status -> dialect.sharedWithOtherProcesses(status.getConnection()))) {
            LOG.info("The H2 file {} may be shared with other processes (AUTO_SERVER); webhooks are acknowledged "
                    + "after the database write, without the inbox journal", file);
            return;
        }
        Path folder = journalFolder(file);
        InboxJournal opening;
        try {
            opening = InboxJournal.open(folder);
        } catch (IOException e) {
            LOG.error("Cannot open the inbox journal {}; webhooks are acknowledged after the database write instead "
                    + "(whatever the journal holds stays there for the next start)", folder, e);
            return;
        }
        try {
            quarantine.open(quarantineFolder(file));
        } catch (IOException e) {
            LOG.error("Cannot open the inbox quarantine {}; webhooks are acknowledged after the database write "
                    + "instead", quarantineFolder(file), e);
            return;
        }
        journal = opening;
        long sequence = 0;
        for (byte[] record : opening.recovered()) {
            sequence++;
            try {
                enqueue(new Pending(JournalRecords.decode(record), sequence, null));
            } catch (IOException e) {
                LOG.error("Inbox journal {}: record {} is not readable and is skipped", folder, sequence, e);
            }
        }
        LOG.debug("Inbox journal at {}", folder);
    }

    /**
     * @param databaseFile the embedded H2's file ({@code data/hookbot.mv.db})
     * @return the journal's folder beside it ({@code data/hookbot.journal})
     */
    static Path journalFolder(Path databaseFile) {
        return besideDatabase(databaseFile, ".journal");
    }

    /**
     * @param databaseFile the embedded H2's file ({@code data/hookbot.mv.db})
     * @return the quarantine's folder beside it ({@code data/hookbot.quarantine})
     */
    static Path quarantineFolder(Path databaseFile) {
        return besideDatabase(databaseFile, ".quarantine");
    }

    private static Path besideDatabase(Path databaseFile, String suffix) {
        String name = databaseFile.getFileName().toString().replaceFirst("\\.mv\\.db$", "");
        return databaseFile.resolveSibling(name + suffix);
    }

    /** One round of the writer: the carried group, or the next group from the queue, into the table. */
    private void round() throws Exception {
        List<Pending> group = carried != null ? carried : nextGroup();
        carried = null;
        if (group.isEmpty()) {
            probeAfterFailure();
            return;
        }
        boolean journaled = group.get(0).sequence > 0;
        try {
            if (journaled) {
                writeJournaled(group);
            } else {
                write(group);
            }
        } catch (Throwable failure) {
            if (!journaled) {
                group.forEach(p -> p.result.completeExceptionally(failure));
            } else if (writer.running()) {
                // acknowledged already: never dropped, written first after the supervisor's backoff
                carried = group;
            } else {
                LOG.error("Inbox writer stopping with {} journaled events not in the table; they are stored at the "
                        + "next start", rowsOf(group).size());
                group.stream().filter(p -> p.result != null).forEach(p -> p.result.completeExceptionally(failure));
            }
            throw failure;
        }
    }

    /**
     * A failed write of a webhook that is not journaled leaves the writer failing until a write succeeds; when no
     * webhook comes, a look at the database every second tells whether it is back, so readiness does not stay
     * DOWN on an idle instance.
     */
    private void probeAfterFailure() {
        if (writer.failure().isEmpty() || System.nanoTime() - lastProbe < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastProbe = System.nanoTime();
        if (transactions.executeRead(status -> status.getConnection().isValid(1))) {
            writer.ok();
        }
    }

    /** Waits a moment for a webhook, then takes what else is queued of the same kind (journaled or not). */
    private List<Pending> nextGroup() throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Pending> group = new ArrayList<>();
        group.add(first);
        int events = first.rows.size();
        Pending next;
        while (events < maxBatch && (next = queue.peek()) != null && (next.sequence > 0) == (first.sequence > 0)) {
            group.add(queue.poll());
            events += next.rows.size();
        }
        return group;
    }

    /**
     * Not journaled: each webhook waits for this commit. A failed group is written again webhook by webhook, so
     * that one call's data fails only that call: it is refused (the database can never store it) or answered
     * 503 (the database may be back later), and the others go through.
     */
    private void write(List<Pending> group) {
        List<InboxStore.NewEvent> all = rowsOf(group);
        boolean[] inserted;
        try {
            inserted = insertDurably(all);
        } catch (Exception e) {
            if (group.size() > 1) {
                LOG.warn("Group commit of {} webhooks failed ({}), storing them one by one", group.size(),
                        SafeErrors.describe(e));
                for (Pending pending : group) {
                    write(List.of(pending));
                }
                return;
            }
            if (DatabaseErrors.isCausedByData(e)) {
                LOG.warn("The inbox table refused a webhook's data on {} ({}); it is answered with a 400 and not "
                        + "stored", all.get(0).channel(), SafeErrors.describe(e));
                group.get(0).result.completeExceptionally(new UnstorableEventsException(e));
            } else {
                writer.failed(e);
                group.get(0).result.completeExceptionally(e);
            }
            return;
        }
        writer.ok();
        wake(all, inserted);
        int offset = 0;
        for (Pending pending : group) {
            int stored = 0;
            for (int i = 0; i < pending.rows.size(); i++) {
                stored += inserted[offset + i] ? 1 : 0;
            }
            offset += pending.rows.size();
            pending.result.complete(new StoreOutcome(stored, pending.rows.size() - stored));
        }
    }

    /**
     * Journaled events were acknowledged already: they are written however long it takes, in order, and stay in
     * the journal until they are. A database that fails is retried (by {@link #round}'s caller, with backoff); an
     * event the table refuses for good goes to the {@link QuarantinedEvents quarantine}, and the others go on.
     */
    private void writeJournaled(List<Pending> group) throws Exception {
        List<InboxStore.NewEvent> all = rowsOf(group);
        boolean[] inserted;
        try {
            inserted = insertDurably(all);
        } catch (Exception e) {
            if (!DatabaseErrors.isCausedByData(e)) {
                throw e;
            }
            inserted = insertEachOrQuarantine(all);
        }
        try {
            journal.release(group.get(group.size() - 1).sequence);
        } catch (IOException e) {
            LOG.warn("Inbox journal: could not drop records already in the table ({}); they are stored again, as "
                    + "redeliveries, at the next start", e.toString());
        }
        for (InboxStore.NewEvent row : all) {
            onTheirWay.remove(wayKey(row));
        }
        wake(all, inserted);
        for (Pending pending : group) {
            count(pending, -1);
            if (pending.result != null) {
                pending.result.complete(null);
            }
        }
    }

    /** The events one at a time: those the table refuses for their data are quarantined. */
    private boolean[] insertEachOrQuarantine(List<InboxStore.NewEvent> rows) throws Exception {
        boolean[] inserted = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            try {
                inserted[i] = insertDurably(List.of(rows.get(i)))[0];
            } catch (Exception e) {
                if (!DatabaseErrors.isCausedByData(e)) {
                    throw e;
                }
                quarantine.put(rows.get(i), SafeErrors.describe(e));
            }
        }
        return inserted;
    }

    private boolean[] insertDurably(List<InboxStore.NewEvent> rows) throws Exception {
        // on the disk when this returns, before anyone is told (the journal's records are released only after, too)
        return durability.executeWrite(status -> store.insert(status.getConnection(), rows));
    }

    private void wake(List<InboxStore.NewEvent> rows, boolean[] inserted) {
        for (int i = 0; i < rows.size(); i++) {
            if (inserted[i]) {
                dispatcher.wake(new ConversationRef(rows.get(i).channel(), rows.get(i).conversation()));
            }
        }
    }

    private static List<InboxStore.NewEvent> rowsOf(List<Pending> group) {
        List<InboxStore.NewEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.rows));
        return all;
    }

    /**
     * Stops taking webhooks (a webhook arriving now is answered 503 with {@code Retry-After}) and writes what is
     * queued (for up to 10 s, if the database is failing). Called once in an orderly stop, first of all.
     */
    @PreDestroy
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        accepting = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((!queue.isEmpty() || carried != null) && System.nanoTime() < deadline && writer.alive()) {
            Thread.sleep(10);
        }
        writer.stop();
        writer.join(Duration.ofSeconds(10));
        InboxJournal current = journal;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("Inbox journal: could not close it cleanly: {}", e.toString());
            }
        }
    }

    /**
     * One webhook's events on their way to the table.
     *
     * @param rows     the events
     * @param sequence the journal record holding them, or 0 when the journal is off
     * @param result   completes when they are in the table; null for events recovered from the journal
     */
    private record Pending(List<InboxStore.NewEvent> rows, long sequence, CompletableFuture<StoreOutcome> result) {
    }
}
