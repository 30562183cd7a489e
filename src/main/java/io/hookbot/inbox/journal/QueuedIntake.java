package io.hookbot.inbox.journal;

import io.hookbot.channel.StoreOutcome;
import io.hookbot.worker.Worker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** What both intakes share: the queue in front of the writer thread, its groups, and the probe of a failed database. */
abstract class QueuedIntake implements Intake {

    final EventTable table;
    final Worker writer;
    final BlockingQueue<Pending> queue;
    private final int maxBatch;
    volatile boolean accepting = true;
    private long lastProbe;

    QueuedIntake(EventTable table, Worker writer, int queueCapacity, int maxBatch) {
        this.table = table;
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
    }

    @Override
    public void stopAccepting() {
        accepting = false;
    }

    /** @return why a webhook cannot be queued now */
    RejectedExecutionException refusal() {
        return new RejectedExecutionException(accepting ? "the inbox queue is full" : "hookbot is stopping");
    }

    /** Waits a moment for a webhook, then takes what else is queued, up to the batch size. */
    List<Pending> nextGroup() throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Pending> group = new ArrayList<>();
        group.add(first);
        int events = first.rows().size();
        Pending next;
        while (events < maxBatch && (next = queue.peek()) != null) {
            group.add(queue.poll());
            events += next.rows().size();
        }
        return group;
    }

    /**
     * A failed write leaves the writer failing until a write succeeds; when no webhook comes, a look at the
     * database every second tells whether it is back, so readiness does not stay DOWN on an idle instance.
     */
    void probeAfterFailure() {
        if (writer.failure().isEmpty() || System.nanoTime() - lastProbe < TimeUnit.SECONDS.toNanos(1)) {
            return;
        }
        lastProbe = System.nanoTime();
        if (table.reachable()) {
            writer.ok();
        }
    }

    static List<NewEvent> rowsOf(List<Pending> group) {
        List<NewEvent> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.rows()));
        return all;
    }

    /**
     * One webhook's events on their way to the table.
     *
     * @param rows     the events
     * @param sequence the journal record holding them, or 0 without a journal
     * @param result   completes when they are in the table; null for events recovered from the journal
     */
    record Pending(List<NewEvent> rows, long sequence, CompletableFuture<StoreOutcome> result) {
    }
}
