package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.db.DurableWrites;
import io.hookbot.db.SqlDialect;
import io.hookbot.inbox.journal.CommittingIntake;
import io.hookbot.inbox.journal.Intake;
import io.hookbot.inbox.journal.JournalingIntake;
import io.hookbot.inbox.journal.QuarantinedEvents;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Stores webhook events in the inbox. One writer thread gathers the events of every webhook waiting at that moment
 * into one transaction (group commit), whose commit is on the disk when it returns ({@link DurableWrites}), and wakes
 * the {@link Dispatcher}.
 *
 * <p>When is a webhook acknowledged? That is the {@link Intake}'s business, picked once, at start-up or at the first
 * webhook: on an embedded H2 file that one process owns (not {@code AUTO_SERVER}) with {@code hookbot.inbox.journal}
 * on (the default), the {@link JournalingIntake}, as soon as the new events are appended to the journal; everywhere
 * else (PostgreSQL, a shared H2, the journal off or not openable) the {@link CommittingIntake}, once their commit is
 * on the disk. See there for what each keeps exact.
 */
@Singleton
public class InboxWriter implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);
    /** A group write that takes longer than this is a stuck database: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final TransactionOperations<Connection> transactions;
    private final DurableWrites durability;
    private final SqlDialect dialect;
    private final InboxTable table;
    private final QuarantinedEvents quarantine;
    private final InboxSettings settings;
    private final IntakePacing pacing;
    private final Worker writer;
    /** The intake the writer thread takes from; set before a journal's leftovers are queued. */
    private volatile Intake intake;
    /** Whether the intake is ready for webhooks (its leftovers queued). */
    private volatile boolean opened;
    /** True once stopping: new webhooks are refused, what was taken is written out. */
    private volatile boolean closed;

    public InboxWriter(TransactionOperations<Connection> transactions, DurableWrites durability, SqlDialect dialect,
                       InboxTable table, Supervisor supervisor, QuarantinedEvents quarantine,
                       InboxSettings settings, IntakePacing pacing) {
        this.transactions = transactions;
        this.pacing = pacing;
        this.durability = durability;
        this.dialect = dialect;
        this.table = table;
        this.quarantine = quarantine;
        this.settings = settings;
        this.writer = supervisor.loop("inbox-writer", STUCK_AFTER, this::round);
    }

    /** Opens the intake at start-up, so that what a crash left in the journal is stored even if no webhook comes. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        open();
    }

    /**
     * Stores the events of one webhook, all or nothing, and its batch marker if it has one.
     *
     * @param channel the channel
     * @param events  the events and batch markers, in the order they are stored
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
        List<NewEvent> rows = new ArrayList<>(events.size());
        for (InboundEvent inbound : events) {
            // a batch marker is a row like an event, in the call's transaction and dedupe, of a type of its own
            boolean marker = inbound.batchMark() != null;
            rows.add(new NewEvent(channel, inbound.dedupeKey(), inbound.conversation(),
                    marker ? EventCodec.BATCH_MARKER : EventCodec.typeOf(inbound.event()),
                    marker ? EventCodec.encode(inbound.batchMark()) : EventCodec.encode(inbound.event()), now));
        }
        StorableEvents.check(rows);
        open();
        if (closed) {
            return CompletableFuture.failedFuture(new RejectedExecutionException("hookbot is stopping"));
        }
        // while the turns lag behind, the call waits for them before it is stored (IntakePacing)
        CompletableFuture<Void> admitted = pacing.admit();
        return admitted.isDone() ? intake(channel, rows) : admitted.thenCompose(go -> intake(channel, rows));
    }

    private CompletableFuture<StoreOutcome> intake(String channel, List<NewEvent> rows) {
        try {
            return intake.store(channel, rows);
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
        Intake current = intake;
        return current == null ? Map.of() : current.queued();
    }

    /**
     * @return per channel, when the oldest acknowledged and journaled event not yet in the inbox table arrived; empty
     *         when the journal is off or has caught up. Reads the queue: meant for the admin API, not for every call
     */
    public Map<String, Instant> oldestQueued() {
        Intake current = intake;
        return current == null ? Map.of() : current.oldestQueued();
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
            Optional<JournalingIntake> journaling = journaling();
            if (journaling.isPresent()) {
                intake = journaling.get();
                // the writer takes from the intake while its queue fills with the journal's leftovers
                journaling.get().recover();
            }
        } finally {
            if (intake == null) {
                intake = new CommittingIntake(table, writer, settings.queueCapacity(), settings.maxBatch());
            }
            if (closed) {
                intake.stopAccepting();
            }
            // only now: a call that comes in meanwhile waits on this method's lock, not going on without the journal
            opened = true;
        }
    }

    private Optional<JournalingIntake> journaling() {
        Path file = settings.journal() ? durability.embeddedFile().orElse(null) : null;
        if (file == null) {
            return Optional.empty();
        }
        // a journal belongs to one process: not when others may open the same file (AUTO_SERVER)
        if (transactions.executeRead(status -> dialect.sharedWithOtherProcesses(status.getConnection()))) {
            LOG.info("The H2 file {} may be shared with other processes (AUTO_SERVER); webhooks are acknowledged "
                    + "after the database write, without the inbox journal", file);
            return Optional.empty();
        }
        return JournalingIntake.open(file, table, writer, quarantine, settings.queueCapacity(), settings.maxBatch(),
                settings.journalBacklog());
    }

    /** One round of the writer: the next group from the intake into the table. */
    private void round() throws Exception {
        Intake current = intake;
        if (current == null) {
            // not open yet: the first webhook or the server's start opens it
            Thread.sleep(100);
            return;
        }
        current.writeNext();
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
        Intake current = intake;
        if (current != null) {
            current.stopAccepting();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (current != null && !current.drained() && System.nanoTime() < deadline && writer.alive()) {
            Thread.sleep(10);
        }
        writer.stop();
        writer.join(Duration.ofSeconds(10));
        if (current != null) {
            current.close();
        }
    }
}
