package io.hookbot.outbox;

import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.SenderRegistry;
import io.hookbot.db.Durability;
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

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds. One loop thread claims due rows (woken right after a turn commits replies, and every
 * {@code hookbot.delivery.poll-interval} anyway), groups them by recipient and hands each group to its channel's
 * lane on the sender threads, which sends the group's rows one after another so a recipient's replies keep their
 * order. Outcomes, attempts and pauses are written back in batches by the loop thread.
 */
@Singleton
public class DeliveryWorker implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** A claim or an outcome write that takes longer than this means the database is stuck: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

    private final TransactionOperations<Connection> transactions;
    private final OutboxStore store;
    private final ChannelPauseStore pauses;
    private final SenderRegistry senders;
    private final DeliveryDecision decision;
    private final Durability durability;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration lease;
    private final int maxInFlight;
    private final ExecutorService sendThreads;
    private final ChannelLanes lanes;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Channels known to be paused, so rows already claimed for them are put back rather than sent. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private Instant nextHousekeeping = Instant.EPOCH;
    private final Supervisor supervisor;
    private volatile boolean running;
    private volatile Worker loop;

    public DeliveryWorker(TransactionOperations<Connection> transactions, OutboxStore store, ChannelPauseStore pauses,
                          SenderRegistry senders, DeliveryDecision decision, ChannelRegistry channels,
                          Durability durability, Supervisor supervisor,
                          DeliverySettings settings) {
        this.transactions = transactions;
        this.store = store;
        this.pauses = pauses;
        this.senders = senders;
        this.decision = decision;
        this.durability = durability;
        this.supervisor = supervisor;
        this.enabled = settings.enabled();
        this.pollInterval = settings.pollInterval();
        this.lease = settings.lease();
        int concurrency = settings.concurrency();
        this.maxInFlight = concurrency * 16;
        AtomicInteger threadNumber = new AtomicInteger();
        this.sendThreads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.lanes = new ChannelLanes(sendThreads, channels, lease);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        start();
    }

    /** Starts the loop; called once the server is up, so a restart first acknowledges, then catches up. */
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        loop = supervisor.loop("delivery-loop", STUCK_AFTER, this::round);
    }

    /**
     * Whether a reply for this channel may be written already claimed by this instance and handed over with
     * {@link #handOff}: the worker runs, the channel is not paused here, and neither the worker nor the channel's
     * lane is full. Otherwise the reply is written waiting and the loop claims it in its turn.
     *
     * @param channel the channel
     * @return whether to hand over replies for it now
     */
    public boolean accepting(String channel) {
        return running && !paused.contains(channel) && inFlight.get() < maxInFlight && !lanes.isFull(channel);
    }

    /**
     * Sends rows that a turn wrote already claimed (see {@link OutboxStore#insertForDelivery}), without another
     * claim; call it after their transaction committed.
     *
     * @param claimed the rows, in the order they were written
     */
    public void handOff(List<OutboxStore.Claimed> claimed) {
        if (!claimed.isEmpty()) {
            dispatch(claimed);
        }
    }

    /** Tells the loop that rows may be due now. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    /**
     * Forgets that a channel was paused here (the admin API resumed it) and looks for its waiting rows at once.
     * Other instances notice within {@code hookbot.delivery.poll-interval}.
     *
     * @param channel the resumed channel
     */
    public void resumed(String channel) {
        paused.remove(channel);
        wake();
    }

    /** One round of the loop: outcomes written, housekeeping when due, due rows claimed and handed to the lanes. */
    private void round() throws InterruptedException {
        if (!running) {
            return;
        }
        writeOutcomes();
        Instant now = Instant.now();
        if (now.isAfter(nextHousekeeping)) {
            housekeeping(now);
            nextHousekeeping = now.plus(pollInterval);
        }
        int busy = inFlight.get();
        int room = maxInFlight - busy;
        // a claim reads every due row, so under load claim in large batches rather than a few rows often
        boolean claimNow = busy == 0 || room >= maxInFlight / 4;
        Set<String> full = lanes.full();
        List<OutboxStore.Claimed> claimed = !claimNow ? List.of() : transactions.executeWrite(
                s -> store.claim(s.getConnection(), now, now.plus(lease), room, full));
        dispatch(claimed);
        if (claimed.isEmpty() && outcomes.isEmpty()) {
            wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        }
    }

    private void housekeeping(Instant now) {
        int released = transactions.executeWrite(s -> store.releaseLapsedClaims(s.getConnection(), now));
        if (released > 0) {
            LOG.warn("Put {} replies whose delivery claim lapsed back in line", released);
        }
        List<ChannelPause> current = transactions.executeRead(s -> pauses.all(s.getConnection()));
        paused.retainAll(current.stream().map(ChannelPause::channel).toList());
        current.forEach(pause -> paused.add(pause.channel()));
    }

    private void dispatch(List<OutboxStore.Claimed> claimed) {
        Map<String, List<OutboxStore.Claimed>> byRecipient = new LinkedHashMap<>();
        for (OutboxStore.Claimed row : claimed) {
            byRecipient.computeIfAbsent(row.message().channel() + "\u0000" + row.recipient(), k -> new ArrayList<>())
                    .add(row);
        }
        for (List<OutboxStore.Claimed> group : byRecipient.values()) {
            inFlight.addAndGet(group.size());
            lanes.submit(group.get(0).message().channel(), group.size(), permit -> sendInOrder(group, permit));
        }
    }

    private void sendInOrder(List<OutboxStore.Claimed> group, ChannelLanes.Permit permit) {
        boolean blocked = false;
        for (OutboxStore.Claimed row : group) {
            DeliveryOutcome outcome;
            try {
                outcome = deliver(row, blocked, permit);
                blocked = outcome.status() == OutboxStatus.PENDING;
                Worker current = loop;
                if (current != null) {
                    current.ok();
                }
            } catch (Throwable e) {
                // a bug on the way (a sender's result that cannot be decided, say): this row and the rest of the
                // recipient's group wait for the next claim, in order, and the loop's health shows the error
                Worker current = loop;
                if (current != null) {
                    current.failed(e);
                }
                outcome = DeliveryOutcome.putBack(row);
                blocked = true;
            }
            outcomes.add(outcome);
            inFlight.decrementAndGet();
        }
        wake();
    }

    private DeliveryOutcome deliver(OutboxStore.Claimed row, boolean blocked, ChannelLanes.Permit permit) {
        // a row waits unsent behind an earlier reply to this recipient that is waiting for a retry; when its channel
        // is paused; when stopping; and when its claim is about to lapse (it may be claimed again elsewhere, and
        // sending it here too would send it twice)
        if (blocked || !running || paused.contains(row.message().channel()) || lapsing(row)) {
            return DeliveryOutcome.putBack(row);
        }
        try {
            permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.putBack(row);
        }
        return attempt(row);
    }

    private boolean lapsing(OutboxStore.Claimed row) {
        return Instant.now().isAfter(row.claimedUntil().minus(lease.dividedBy(4)));
    }

    private DeliveryOutcome attempt(OutboxStore.Claimed row) {
        OutboundMessage message = row.message();
        Instant startedAt = Instant.now();
        long started = System.nanoTime();
        SendResult result;
        try {
            result = senders.senderFor(message.channel()).send(message);
        } catch (RuntimeException e) {
            result = new SendResult.Retry("sender failed: " + e, null);
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        if (result instanceof SendResult.Unauthorized) {
            paused.add(message.channel());
        }
        return decision.decide(row, result, startedAt, durationMs);
    }

    private void writeOutcomes() {
        List<DeliveryOutcome> batch = new ArrayList<>();
        DeliveryOutcome outcome;
        while (batch.size() < 1000 && (outcome = outcomes.poll()) != null) {
            batch.add(outcome);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            // on the disk when this returns: a sent reply must stay recorded as sent, or a crash would send it
            // again once its claim lapses
            durability.executeWrite(s -> {
                store.record(s.getConnection(), batch);
                return null;
            });
        } catch (Throwable e) {
            // keep them: a sent row that is not recorded as sent would be sent again when its claim lapses
            outcomes.addAll(batch);
            throw e;
        }
    }

    /**
     * Stops claiming; sends in progress finish, claimed rows not yet sent are put back in line, and every outcome
     * is recorded, so a restart finds no row stuck in SENDING.
     */
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        Worker current = loop;
        if (current != null) {
            current.stop();
            wake();
            current.join(Duration.ofSeconds(5));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        sendThreads.shutdown();
        sendThreads.awaitTermination(5, TimeUnit.SECONDS);
        try {
            while (!outcomes.isEmpty()) {
                writeOutcomes();
            }
        } catch (Exception e) {
            LOG.warn("Could not record the last delivery outcomes; their rows will be retried: {}",
                    SafeErrors.describe(e));
        }
    }
}
