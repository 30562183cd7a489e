package io.hookbot.inbox.journal;

import io.hookbot.channel.StoreOutcome;
import io.hookbot.db.DatabaseErrors;
import io.hookbot.inbox.journal.UnstorableEventsException;
import io.hookbot.worker.SafeErrors;
import io.hookbot.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Acknowledges a webhook once the commit that holds its events is on the disk: on PostgreSQL, on an H2 that other
 * processes may share, and whenever the journal is off or could not be opened. Each webhook waits for the group
 * commit its events are in; a failed group is written again webhook by webhook, so that one call's data fails only
 * that call: it is refused (the database can never store it) or answered 503 (the database may be back later), and
 * the others go through. Nothing is ever quarantined here: a call the table refuses was not acknowledged.
 */
public final class CommittingIntake extends QueuedIntake {

    private static final Logger LOG = LoggerFactory.getLogger(CommittingIntake.class);

    /**
     * @param table         the inbox table
     * @param writer        the writer thread, whose failures and recoveries this reports
     * @param queueCapacity webhooks waiting for the writer at most
     * @param maxBatch      events in one group commit at most
     */
    public CommittingIntake(EventTable table, Worker writer, int queueCapacity, int maxBatch) {
        super(table, writer, queueCapacity, maxBatch);
    }

    @Override
    public CompletableFuture<StoreOutcome> store(String channel, List<NewEvent> events) {
        Pending pending = new Pending(events, 0, new CompletableFuture<>());
        if (!accepting || !queue.offer(pending)) {
            pending.result().completeExceptionally(refusal());
        }
        return pending.result();
    }

    @Override
    public void writeNext() throws Exception {
        List<Pending> group = nextGroup();
        if (group.isEmpty()) {
            probeAfterFailure();
            return;
        }
        try {
            write(group);
        } catch (Throwable failure) {
            group.forEach(p -> p.result().completeExceptionally(failure));
            throw failure;
        }
    }

    private void write(List<Pending> group) {
        List<NewEvent> all = rowsOf(group);
        boolean[] inserted;
        try {
            inserted = table.insert(all);
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
                group.get(0).result().completeExceptionally(new UnstorableEventsException(e));
            } else {
                writer.failed(e);
                group.get(0).result().completeExceptionally(e);
            }
            return;
        }
        writer.ok();
        table.wake(all, inserted);
        int offset = 0;
        for (Pending pending : group) {
            int stored = 0;
            for (int i = 0; i < pending.rows().size(); i++) {
                stored += inserted[offset + i] ? 1 : 0;
            }
            offset += pending.rows().size();
            pending.result().complete(new StoreOutcome(stored, pending.rows().size() - stored));
        }
    }

    @Override
    public boolean drained() {
        return queue.isEmpty();
    }

    @Override
    public Map<String, Long> queued() {
        return Map.of();
    }

    @Override
    public Map<String, Instant> oldestQueued() {
        return Map.of();
    }

    @Override
    public void close() {
    }
}
