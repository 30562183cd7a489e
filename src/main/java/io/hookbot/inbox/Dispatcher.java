package io.hookbot.inbox;

import io.hookbot.bot.plugins.TurnHeldByPlugin;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds stored events to the bot, conversation by conversation: the threads and the loop. A conversation is turned
 * by one worker thread at a time (the {@link ConversationQueue}), under its row lock (across instances); its events
 * are taken oldest first. Different conversations run in parallel on {@code hookbot.dispatcher.workers} threads, each
 * supervised ({@link Supervisor}).
 *
 * <p>A worker takes as many conversations as are waiting, up to {@code hookbot.dispatcher.conversations-per-transaction},
 * and turns them all in one transaction ({@link TurnPass}): under load one commit serves many conversations' turns;
 * when idle a transaction holds the one conversation that just got a message, so latency stays low.
 *
 * <p>Work is found two ways: the inbox writer wakes the dispatcher right after its commit ({@link #wake}), and a poll
 * every {@code hookbot.dispatcher.poll-interval} picks up whatever a wake-up missed (events stored before a restart,
 * or by another instance, or a conversation another instance held), and conversations whose sequencer gap has been
 * open for the gap timeout.
 *
 * <p>A worker held by a plugin that ignores its budget and the interrupt ({@link TurnHeldByPlugin}) loses its pass
 * ({@link TurnPass#giveUp}) and is replaced by a new worker; its thread ends whenever the plugin lets it go.
 */
@Singleton
public class Dispatcher implements ApplicationEventListener<ServerStartupEvent> {

    /** A poll that runs longer than this means the database is stuck: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);
    /** How long an idle worker waits for a conversation before its round ends (and the supervisor sees it alive). */
    private static final Duration IDLE_WAIT = Duration.ofMillis(100);

    private final TransactionOperations<Connection> transactions;
    private final InboxStore inbox;
    private final Sequencer sequencer;
    private final ConversationQueue queue;
    private final IntakePacing pacing;
    private final TurnPass passes;
    private final Supervisor supervisor;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int conversationsPerTransaction;
    private final int workerCount;
    /** The turn workers, by their thread, so that one held by a plugin can be replaced. */
    private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
    private final AtomicInteger workerNumber = new AtomicInteger();
    private final TurnPass.Health health = new TurnPass.Health() {
        @Override
        public void failed(Exception e) {
            Optional.ofNullable(workers.get(Thread.currentThread())).ifPresent(worker -> worker.failed(e));
        }

        @Override
        public void committed() {
            workers.values().forEach(Worker::ok);
        }
    };
    private volatile Worker poller;
    private volatile boolean started;

    Dispatcher(TransactionOperations<Connection> transactions, InboxStore inbox, Sequencer sequencer,
               ConversationQueue queue, TurnPass passes, Supervisor supervisor, DispatcherSettings settings,
               IntakePacing pacing) {
        this.transactions = transactions;
        this.pacing = pacing;
        this.inbox = inbox;
        this.sequencer = sequencer;
        this.queue = queue;
        this.passes = passes;
        this.supervisor = supervisor;
        this.enabled = settings.enabled();
        this.pollInterval = settings.pollInterval();
        this.conversationsPerTransaction = settings.conversationsPerTransaction();
        this.workerCount = settings.workers();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (enabled && !started) {
            started = true;
            for (int i = 0; i < workerCount; i++) {
                startWorker();
            }
            poller = supervisor.every("dispatcher-poll", Duration.ZERO, pollInterval, STUCK_AFTER, this::poll);
        }
    }

    private void startWorker() {
        Worker worker = supervisor.loop("turns-" + workerNumber.incrementAndGet(), null, this::work);
        workers.put(worker.thread(), worker);
    }

    /**
     * Says a conversation has new events. Cheap; safe from any thread.
     *
     * @param ref the conversation
     */
    public void wake(ConversationRef ref) {
        if (started) {
            queue.wake(ref);
        }
    }

    private void poll() {
        List<ConversationRef> waiting = transactions.executeRead(s -> {
            List<ConversationRef> refs = new ArrayList<>(
                    inbox.conversationsWithPendingEvents(s.getConnection(), 1000));
            refs.addAll(sequencer.gapsDue(s.getConnection()));
            return refs;
        });
        waiting.forEach(this::wake);
    }

    /** One round of a turn worker: the conversations waiting now, in one pass. */
    private void work() throws InterruptedException {
        List<ConversationRef> taken = queue.next(conversationsPerTransaction, IDLE_WAIT);
        if (taken.isEmpty()) {
            return;
        }
        pacing.taken();
        try {
            passes.run(taken, health);
        } catch (Throwable e) {
            // what the pass held stays pending and comes back with the next poll; the supervisor logs and backs off
            queue.forget(taken);
            throw e;
        }
    }

    /**
     * Takes a pass away from a plugin that holds its thread (see {@link TurnPass#giveUp}) and starts a worker in the
     * held one's place.
     *
     * @param held the plugin, the turn and the thread
     */
    @EventListener
    public void onTurnHeld(TurnHeldByPlugin held) {
        if (!passes.giveUp(held)) {
            return;
        }
        Worker heldWorker = workers.remove(held.thread());
        if (heldWorker != null) {
            // its thread ends when the plugin lets it go; a new worker takes its place now
            heldWorker.stop();
            supervisor.forget(heldWorker);
        }
        startWorker();
    }

    /** Stops taking new turns; turns in progress finish. */
    @PreDestroy
    public void close() throws InterruptedException {
        started = false;
        Worker poll = poller;
        if (poll != null) {
            poll.stop();
        }
        List<Worker> all = new ArrayList<>(workers.values());
        all.forEach(Worker::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (Worker worker : all) {
            worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
    }
}
