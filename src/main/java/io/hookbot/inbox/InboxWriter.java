package io.hookbot.inbox;

import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.db.Durability;
import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Stores webhook events in the inbox with group commit: one writer thread gathers the events of every webhook
 * waiting at that moment into one transaction, so concurrent webhooks share a commit (and its disk write) instead
 * of queueing for one each. A webhook's future completes only after the commit that holds its events has reached
 * the disk ({@link Durability}); a failed group is retried webhook by webhook, so one bad call cannot fail its
 * neighbours.
 */
@Singleton
public class InboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(InboxWriter.class);

    private final TransactionOperations<Connection> transactions;
    private final InboxStore store;
    private final Dispatcher dispatcher;
    private final Durability durability;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Thread writer;
    private volatile boolean running = true;

    public InboxWriter(TransactionOperations<Connection> transactions, InboxStore store, Dispatcher dispatcher,
                       Durability durability,
                       @Value("${hookbot.inbox.queue-capacity:20000}") int queueCapacity,
                       @Value("${hookbot.inbox.max-batch:1000}") int maxBatch) {
        this.transactions = transactions;
        this.store = store;
        this.dispatcher = dispatcher;
        this.durability = durability;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, "inbox-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Stores the events of one webhook, all or nothing.
     *
     * @param channel the channel
     * @param events  the events
     * @return completes after the commit, with how many were new and how many were redeliveries; fails if the
     *         inbox is full or the database is unreachable
     */
    public CompletableFuture<StoreOutcome> store(String channel, List<InboundEvent> events) {
        if (events.isEmpty()) {
            return CompletableFuture.completedFuture(new StoreOutcome(0, 0));
        }
        List<InboxStore.NewEvent> rows = new ArrayList<>(events.size());
        for (InboundEvent inbound : events) {
            rows.add(new InboxStore.NewEvent(channel, inbound.dedupeKey(), inbound.event().conversation(),
                    EventCodec.typeOf(inbound.event()), EventCodec.encode(inbound.event())));
        }
        Pending pending = new Pending(rows, new CompletableFuture<>());
        if (!running || !queue.offer(pending)) {
            pending.result.completeExceptionally(new RejectedExecutionException("the inbox queue is full"));
        }
        return pending.result;
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.rows.size();
                Pending next;
                while (events < maxBatch && (next = queue.poll()) != null) {
                    group.add(next);
                    events += next.rows.size();
                }
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Inbox writer failed", e);
                group.forEach(p -> p.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        List<InboxStore.NewEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.rows));
        boolean[] inserted;
        try {
            inserted = transactions.executeWrite(status -> store.insert(status.getConnection(), all));
            // on the disk before anyone is told: the acknowledgement is the promise
            durability.flush();
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).result.completeExceptionally(e);
                return;
            }
            LOG.warn("Group commit of {} webhooks failed, storing them one by one: {}", group.size(), e.toString());
            for (Pending pending : group) {
                write(List.of(pending));
            }
            return;
        }
        // the dispatcher first: acknowledging runs the platform's answer on this thread, and the turns need not wait
        for (int i = 0; i < all.size(); i++) {
            if (inserted[i]) {
                dispatcher.wake(new ConversationRef(all.get(i).channel(), all.get(i).conversation()));
            }
        }
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

    /** Stops taking webhooks and writes what is queued. */
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }

    private record Pending(List<InboxStore.NewEvent> rows, CompletableFuture<StoreOutcome> result) {
    }
}
