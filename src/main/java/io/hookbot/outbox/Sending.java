package io.hookbot.outbox;

import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.SenderRegistry;
import io.hookbot.worker.LogContext;
import io.hookbot.worker.Worker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The sending half of delivery: claimed rows grouped by recipient and handed to their channel's lane on the sender
 * threads ({@link ChannelLanes}), which sends a group's rows one after another so a recipient's replies keep their
 * order; each attempt decided ({@link DeliveryDecision}) and its outcome queued for the delivery loop to record.
 * Knows which channels are paused here and how many rows are in flight.
 */
final class Sending {

    private final SenderRegistry senders;
    private final DeliveryDecision decision;
    private final Duration lease;
    private final int maxInFlight;
    private final BooleanSupplier running;
    private final Runnable sent;
    private final ExecutorService sendThreads;
    private final ChannelLanes lanes;
    private final ConcurrentLinkedQueue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger outcomesWaiting = new AtomicInteger();
    /** Channels known to be paused, so rows already claimed for them are put back rather than sent. */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private volatile Worker health;

    /**
     * @param senders     each channel's sender
     * @param decision    what an attempt's result means for its row
     * @param channels    the configured channels, for their lanes
     * @param concurrency the sender threads
     * @param lease       how long a claim lasts
     * @param maxInFlight the most rows handed to the lanes and not yet done
     * @param running     whether delivery runs; once not, claimed rows are put back unsent
     * @param sent        called when a group's rows are done, so the loop records their outcomes
     */
    Sending(SenderRegistry senders, DeliveryDecision decision, ChannelRegistry channels, int concurrency,
            Duration lease, int maxInFlight, BooleanSupplier running, Runnable sent) {
        this.senders = senders;
        this.decision = decision;
        this.lease = lease;
        this.maxInFlight = maxInFlight;
        this.running = running;
        this.sent = sent;
        AtomicInteger threadNumber = new AtomicInteger();
        this.sendThreads = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "delivery-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.lanes = new ChannelLanes(sendThreads, channels, lease);
    }

    /** @param worker the delivery loop, whose health shows a send that failed on the way */
    void reportTo(Worker worker) {
        this.health = worker;
    }

    /**
     * @param channel the channel
     * @return whether rows for it may be handed over now: the channel is not paused here, and neither the sending
     *         side nor the channel's lane is full
     */
    boolean accepting(String channel) {
        return !paused.contains(channel) && inFlight.get() < maxInFlight && !lanes.isFull(channel);
    }

    /** @return rows handed over and not yet done */
    int inFlight() {
        return inFlight.get();
    }

    /** @return the channels whose lanes are full; claim nothing more for them now */
    Set<String> fullChannels() {
        return lanes.full();
    }

    /** @param current the channels paused now, as the database says */
    void pausedAre(Collection<String> current) {
        paused.retainAll(current);
        paused.addAll(current);
    }

    /** @param channel a channel the admin API resumed */
    void resumed(String channel) {
        paused.remove(channel);
    }

    /**
     * Hands claimed rows to their lanes, grouped by recipient in the order given.
     *
     * @param claimed the rows
     */
    void dispatch(List<OutboxStore.Claimed> claimed) {
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

    /** @return whether outcomes wait to be recorded */
    boolean hasOutcomes() {
        return !outcomes.isEmpty();
    }

    /** @return how many outcomes wait to be recorded */
    int outcomesWaiting() {
        return outcomesWaiting.get();
    }

    /**
     * @param max the most to take
     * @return outcomes waiting to be recorded, oldest first
     */
    List<DeliveryOutcome> takeOutcomes(int max) {
        List<DeliveryOutcome> batch = new ArrayList<>();
        DeliveryOutcome outcome;
        while (batch.size() < max && (outcome = outcomes.poll()) != null) {
            outcomesWaiting.decrementAndGet();
            batch.add(outcome);
        }
        return batch;
    }

    /** @param batch outcomes that could not be recorded, kept for the next try */
    void keepOutcomes(List<DeliveryOutcome> batch) {
        outcomesWaiting.addAndGet(batch.size());
        outcomes.addAll(batch);
    }

    /**
     * Waits for the sends under way, then stops the sender threads.
     *
     * @param wait how long to wait for the sends
     * @throws InterruptedException when interrupted while waiting
     */
    void finish(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        sendThreads.shutdown();
        sendThreads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void sendInOrder(List<OutboxStore.Claimed> group, ChannelLanes.Permit permit) {
        boolean blocked = false;
        for (OutboxStore.Claimed row : group) {
            DeliveryOutcome outcome;
            try {
                outcome = deliver(row, blocked, permit);
                blocked = outcome.status() == OutboxStatus.PENDING;
                Worker current = health;
                if (current != null) {
                    current.ok();
                }
            } catch (Throwable e) {
                // a bug on the way (a sender's result that cannot be decided, say): this row and the rest of the
                // recipient's group wait for the next claim, in order, and the loop's health shows the error
                Worker current = health;
                if (current != null) {
                    current.failed(e);
                }
                outcome = DeliveryOutcome.putBack(row);
                blocked = true;
            }
            outcomesWaiting.incrementAndGet();
            outcomes.add(outcome);
            inFlight.decrementAndGet();
        }
        sent.run();
    }

    private DeliveryOutcome deliver(OutboxStore.Claimed row, boolean blocked, ChannelLanes.Permit permit) {
        // a row waits unsent behind an earlier reply to this recipient that is waiting for a retry; when its channel
        // is paused; when stopping; and when its claim is about to lapse (it may be claimed again elsewhere, and
        // sending it here too would send it twice)
        if (blocked || !running.getAsBoolean() || paused.contains(row.message().channel()) || lapsing(row)) {
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

    /** One send attempt; its lines (the sender's, the decision's) carry the channel, conversation and reply. */
    private DeliveryOutcome attempt(OutboxStore.Claimed row) {
        OutboundMessage message = row.message();
        try (LogContext scope = LogContext.reply(message.channel(), row.conversation(), message.id())) {
            return attempt(row, message);
        }
    }

    private DeliveryOutcome attempt(OutboxStore.Claimed row, OutboundMessage message) {
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
}
