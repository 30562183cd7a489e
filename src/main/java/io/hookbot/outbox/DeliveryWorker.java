package io.hookbot.outbox;

import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.SenderRegistry;
import io.hookbot.db.DurableWrites;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends what the outbox holds: the delivery loop. One loop thread claims due rows (woken right after a turn commits
 * replies, and every {@code hookbot.delivery.poll-interval} anyway) and hands them to the sending side
 * ({@link Sending}), which groups them by recipient and sends each group in order on its channel's lane. Outcomes,
 * attempts and pauses are written back in batches by the loop thread. Rows a turn wrote already claimed come in
 * through {@link #handOff}, from {@link OutboxWriter}, after their commit.
 *
 * <p>The loop is woken for two reasons, told apart: rows may be due ({@link #wake}: replies written waiting, a
 * resumed channel, a retry from the admin API) and outcomes wait to be written (a sent group). Only the first, a
 * row put back in line, a claim that may have left due rows behind, or the poll interval makes it claim: a reply
 * handed over after its commit needs no claim, so sending one costs no query for due rows.
 */
@Singleton
public class DeliveryWorker implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    /** A claim or an outcome write that takes longer than this means the database is stuck: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);
    /**
     * Outcomes are written at most this often (unless many wait): each write is a commit written to the embedded
     * database's file, and one per reply made that file's page writes the largest cost of sending under a steady
     * trickle of replies. A crash in this window sends its replies again, as a crash between a gateway's answer and
     * the write always could.
     */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Outcomes waiting beyond which they are written at once. */
    private static final int GATHER_MAX = 256;

    private final TransactionOperations<Connection> transactions;
    private final OutboxStore store;
    private final ChannelPauseStore pauses;
    private final DurableWrites durability;
    private final Supervisor supervisor;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration lease;
    private final int maxInFlight;
    private final Sending sending;
    private final ClaimedOptOuts optOuts;
    private final Semaphore wakeUp = new Semaphore(0);
    /** Rows may be due that nobody handed over: claim at the next round. */
    private final AtomicBoolean claimWanted = new AtomicBoolean(true);
    private Instant nextPoll = Instant.EPOCH;
    private long lastOutcomeWrite = System.nanoTime();
    private Instant nextHousekeeping = Instant.EPOCH;
    private volatile boolean running;
    private volatile Worker loop;

    public DeliveryWorker(TransactionOperations<Connection> transactions, OutboxStore store, ChannelPauseStore pauses,
                          SenderRegistry senders, DeliveryDecision decision, ChannelRegistry channels,
                          DurableWrites durability, Supervisor supervisor,
                          DeliverySettings settings, ClaimedOptOuts optOuts) {
        this.transactions = transactions;
        this.optOuts = optOuts;
        this.store = store;
        this.pauses = pauses;
        this.durability = durability;
        this.supervisor = supervisor;
        this.enabled = settings.enabled();
        this.pollInterval = settings.pollInterval();
        this.lease = settings.lease();
        int concurrency = settings.concurrency();
        this.maxInFlight = concurrency * 16;
        this.sending = new Sending(senders, decision, channels, concurrency, lease, maxInFlight, () -> running,
                this::signal);
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
        sending.reportTo(loop);
    }

    /**
     * Whether a reply for this channel may be written already claimed by this instance and handed over with
     * {@link #handOff}: the worker runs, the channel is not paused here, and neither the worker nor the channel's
     * lane is full. Otherwise the reply is written waiting and the loop claims it in its turn.
     *
     * @param channel the channel
     * @return whether to hand over replies for it now
     */
    boolean accepting(String channel) {
        return running && sending.accepting(channel);
    }

    /**
     * Sends rows that a turn wrote already claimed (see {@link OutboxWriter}), without another claim; called after
     * their transaction committed.
     *
     * @param claimed the rows, in the order they were written
     */
    void handOff(List<OutboxStore.Claimed> claimed) {
        if (!claimed.isEmpty()) {
            sending.dispatch(claimed);
        }
    }

    /** Tells the loop that rows may be due now. */
    public void wake() {
        claimWanted.set(true);
        signal();
    }

    /** Wakes the loop (outcomes wait to be written), without asking for a claim. */
    private void signal() {
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
        sending.resumed(channel);
        wake();
    }

    /** One round of the loop: outcomes written, housekeeping when due, due rows claimed and handed to the lanes. */
    private void round() throws InterruptedException {
        if (!running) {
            return;
        }
        gatherOutcomes();
        if (writeOutcomes()) {
            claimWanted.set(true);
        }
        Instant now = Instant.now();
        if (now.isAfter(nextHousekeeping)) {
            housekeeping(now);
            nextHousekeeping = now.plus(pollInterval);
        }
        int busy = sending.inFlight();
        int room = maxInFlight - busy;
        boolean due = claimWanted.getAndSet(false) || !now.isBefore(nextPoll);
        // a claim reads every due row, so under load claim in large batches rather than a few rows often
        boolean claimNow = due && (busy == 0 || room >= maxInFlight / 4);
        List<OutboxStore.Claimed> claimed = List.of();
        if (claimNow) {
            nextPoll = now.plus(pollInterval);
            Set<String> full = sending.fullChannels();
            int[] taken = new int[1];
            claimed = transactions.executeWrite(s -> {
                List<OutboxStore.Claimed> rows = store.claim(s.getConnection(), now, now.plus(lease), room, full);
                taken[0] = rows.size();
                // a row written before its recipient opted out is suppressed here, not sent
                return optOuts.allowed(s, rows);
            });
            if (taken[0] >= room || !full.isEmpty()) {
                // rows may be left behind: the claim's limit, or channels whose lanes were full
                claimWanted.set(true);
            }
        } else if (due) {
            claimWanted.set(true);
        }
        sending.dispatch(claimed);
        if (claimed.isEmpty() && !sending.hasOutcomes()) {
            long untilPoll = Math.max(1, Duration.between(Instant.now(), nextPoll).toMillis());
            wakeUp.tryAcquire(Math.min(pollInterval.toMillis(), untilPoll), TimeUnit.MILLISECONDS);
            wakeUp.drainPermits();
        }
    }

    /** Waits, up to {@link #GATHER_NANOS} after the last write, for more outcomes to write with those waiting. */
    private void gatherOutcomes() throws InterruptedException {
        long deadline = lastOutcomeWrite + GATHER_NANOS;
        while (running && !claimWanted.get() && sending.hasOutcomes() && sending.outcomesWaiting() < GATHER_MAX) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wakeUp.tryAcquire(left, TimeUnit.NANOSECONDS);
            wakeUp.drainPermits();
        }
    }

    private void housekeeping(Instant now) {
        int released = transactions.executeWrite(s -> store.releaseLapsedClaims(s.getConnection(), now));
        if (released > 0) {
            LOG.warn("Put {} replies whose delivery claim lapsed back in line", released);
        }
        List<ChannelPause> current = transactions.executeRead(s -> pauses.all(s.getConnection()));
        sending.pausedAre(current.stream().map(ChannelPause::channel).toList());
    }

    /** @return whether a row was put back in line or will be retried, so that a claim should look for it */
    private boolean writeOutcomes() {
        List<DeliveryOutcome> batch = sending.takeOutcomes(1000);
        if (batch.isEmpty()) {
            return false;
        }
        try {
            // on the disk when this returns: a sent reply must stay recorded as sent, or a crash would send it
            // again once its claim lapses
            durability.executeWrite(s -> {
                store.record(s.getConnection(), batch);
                return null;
            });
            lastOutcomeWrite = System.nanoTime();
        } catch (Throwable e) {
            // keep them: a sent row that is not recorded as sent would be sent again when its claim lapses
            sending.keepOutcomes(batch);
            throw e;
        }
        return batch.stream().anyMatch(outcome -> outcome.status() == OutboxStatus.PENDING);
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
        sending.finish(Duration.ofSeconds(15));
        try {
            while (sending.hasOutcomes()) {
                writeOutcomes();
            }
        } catch (Exception e) {
            LOG.warn("Could not record the last delivery outcomes; their rows will be retried: {}",
                    SafeErrors.describe(e));
        }
    }
}
