package io.hookbot.outbox;

import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.SenderRegistry;
import io.micronaut.context.annotation.Value;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what the outbox holds. One loop thread claims due rows (woken right after a turn commits replies, and every
 * {@code hookbot.delivery.poll-interval} anyway), groups them by recipient and hands each group to a sender
 * thread, which sends the group's rows one after another so a recipient's replies keep their order. Outcomes are
 * written back in batches by the loop thread.
 */
@Singleton
public class DeliveryWorker implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final TransactionOperations<Connection> transactions;
    private final OutboxStore store;
    private final SenderRegistry senders;
    private final RetryPolicy retries;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration lease;
    private final int maxInFlight;
    private final ExecutorService sendThreads;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentLinkedQueue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running;
    private Thread loop;

    public DeliveryWorker(TransactionOperations<Connection> transactions, OutboxStore store, SenderRegistry senders,
                          RetryPolicy retries,
                          @Value("${hookbot.delivery.enabled:true}") boolean enabled,
                          @Value("${hookbot.delivery.concurrency:32}") int concurrency,
                          @Value("${hookbot.delivery.poll-interval:1s}") Duration pollInterval,
                          @Value("${hookbot.delivery.lease:2m}") Duration lease) {
        this.transactions = transactions;
        this.store = store;
        this.senders = senders;
        this.retries = retries;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.lease = lease;
        this.maxInFlight = concurrency * 16;
        AtomicInteger threadNumber = new AtomicInteger();
        this.sendThreads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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
        loop = new Thread(this::run, "delivery-loop");
        loop.setDaemon(true);
        loop.start();
    }

    /** Tells the loop that rows may be due now. */
    public void wake() {
        if (wakeUp.availablePermits() == 0) {
            wakeUp.release();
        }
    }

    private void run() {
        Instant nextHousekeeping = Instant.EPOCH;
        while (running) {
            try {
                writeOutcomes();
                Instant now = Instant.now();
                if (now.isAfter(nextHousekeeping)) {
                    int released = transactions.executeWrite(s -> store.releaseLapsedClaims(s.getConnection(), now));
                    if (released > 0) {
                        LOG.warn("Put {} replies whose delivery claim lapsed back in line", released);
                    }
                    nextHousekeeping = now.plus(pollInterval);
                }
                int room = maxInFlight - inFlight.get();
                List<OutboxStore.Claimed> claimed = room <= 0 ? List.of()
                        : transactions.executeWrite(s -> store.claim(s.getConnection(), now, now.plus(lease), room));
                dispatch(claimed);
                if (claimed.isEmpty() && outcomes.isEmpty()) {
                    wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Delivery loop failed; retrying in {}", pollInterval, e);
                sleepQuietly(pollInterval);
            }
        }
    }

    private void dispatch(List<OutboxStore.Claimed> claimed) {
        Map<String, List<OutboxStore.Claimed>> byRecipient = new LinkedHashMap<>();
        for (OutboxStore.Claimed row : claimed) {
            byRecipient.computeIfAbsent(row.message().channel() + "\u0000" + row.recipient(), k -> new ArrayList<>())
                    .add(row);
        }
        for (List<OutboxStore.Claimed> group : byRecipient.values()) {
            inFlight.addAndGet(group.size());
            sendThreads.execute(() -> sendInOrder(group));
        }
    }

    private void sendInOrder(List<OutboxStore.Claimed> group) {
        boolean blocked = false;
        for (OutboxStore.Claimed row : group) {
            DeliveryOutcome outcome;
            if (blocked) {
                // an earlier reply to this recipient is waiting for a retry: this one waits behind it
                outcome = new DeliveryOutcome(row.message().id(), OutboxStatus.PENDING, row.attempts(),
                        Instant.now(), null, null);
            } else {
                outcome = attempt(row);
                blocked = outcome.status() == OutboxStatus.PENDING;
            }
            outcomes.add(outcome);
            inFlight.decrementAndGet();
        }
        wake();
    }

    private DeliveryOutcome attempt(OutboxStore.Claimed row) {
        OutboundMessage message = row.message();
        int attempts = row.attempts() + 1;
        SendResult result;
        try {
            result = senders.senderFor(message.channel()).send(message);
        } catch (RuntimeException e) {
            result = new SendResult.Retry("sender failed: " + e, null);
        }
        Instant now = Instant.now();
        if (result instanceof SendResult.Sent sent) {
            return new DeliveryOutcome(message.id(), OutboxStatus.SENT, attempts, now, sent.reference(), null);
        }
        if (result instanceof SendResult.Retry retry && retries.mayRetry(attempts)) {
            Duration delay = retries.delay(attempts, retry.retryAfter());
            LOG.warn("Reply #{} on {} failed (attempt {}), retrying in {} ms: {}", message.id(), message.channel(),
                    attempts, delay.toMillis(), retry.error());
            return new DeliveryOutcome(message.id(), OutboxStatus.PENDING, attempts, now.plus(delay), null, retry.error());
        }
        String error = result instanceof SendResult.Failed failed ? failed.error()
                : "gave up after " + attempts + " attempts: " + ((SendResult.Retry) result).error();
        LOG.error("Reply #{} on {} failed for good: {}", message.id(), message.channel(), error);
        return new DeliveryOutcome(message.id(), OutboxStatus.FAILED, attempts, now, null, error);
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
            transactions.executeWrite(s -> {
                store.record(s.getConnection(), batch);
                return null;
            });
        } catch (RuntimeException e) {
            // keep them: a sent row that is not recorded as sent would be sent again when its claim lapses
            outcomes.addAll(batch);
            throw e;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops claiming, lets sends in progress finish and records their outcomes. */
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        if (loop != null) {
            wake();
            loop.join(5_000);
        }
        sendThreads.shutdown();
        sendThreads.awaitTermination(10, TimeUnit.SECONDS);
        try {
            writeOutcomes();
        } catch (RuntimeException e) {
            LOG.warn("Could not record the last delivery outcomes; their rows will be retried: {}", e.toString());
        }
    }
}
