package io.hookbot.inbox;

import io.hookbot.api.Action;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.Reply;
import io.hookbot.bot.Turn;
import io.hookbot.bot.TurnProcessor;
import io.hookbot.bot.TurnResult;
import io.hookbot.bot.plugins.TurnHeldByPlugin;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.presence.PresenceTracker;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds stored events to the bot, conversation by conversation. A conversation is drained by one worker thread at
 * a time (here), under its row lock (across instances); its events are taken oldest first, and each batch of turns
 * commits in one transaction together with the replies and the new state. Different conversations run in
 * parallel on {@code hookbot.dispatcher.workers} threads.
 *
 * <p>Work is found two ways: the inbox writer wakes the dispatcher right after its commit, and a poll every
 * {@code hookbot.dispatcher.poll-interval} picks up whatever a wake-up missed (events stored before a restart,
 * or by another instance, or a conversation another instance held), and conversations whose sequencer gap has
 * been open for the gap timeout.
 *
 * <p>Before its turns, a conversation's pending events go through the {@link Sequencer}, which holds numbered
 * batches that arrive ahead of a missing one and releases them in order; each event then updates presence
 * ({@link PresenceTracker}) in the same transaction as its turn.
 *
 * <p>A turn held by a plugin that ignores its budget and the interrupt ({@link TurnHeldByPlugin}) is taken away from
 * it: the held thread's transaction is rolled back (its connection closed, which releases the conversation's lock),
 * and the conversation is drained again on another thread; the held thread, whenever the plugin lets it go, finds its
 * transaction gone and leaves quietly. Its events are taken again, never committed twice.
 */
@Singleton
public class Dispatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int LOCKED_ELSEWHERE = -1;

    private final TransactionOperations<Connection> transactions;
    private final InboxStore inbox;
    private final Sequencer sequencer;
    private final ConversationStore conversations;
    private final PresenceTracker presence;
    private final TurnProcessor turns;
    private final OutboxStore outbox;
    private final DeliveryWorker delivery;
    private final TurnReplies turnReplies;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int batchSize;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService poller;
    /** Conversations being drained, each with a counter of wake-ups, so a wake-up during a drain is never lost. */
    private final Map<ConversationRef, AtomicLong> active = new ConcurrentHashMap<>();
    /** The drains running a transaction now, by thread, so that one held by a plugin can be given up. */
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    public Dispatcher(TransactionOperations<Connection> transactions, InboxStore inbox, Sequencer sequencer,
                      ConversationStore conversations, PresenceTracker presence, TurnProcessor turns, OutboxStore outbox,
                      DeliveryWorker delivery, TurnReplies turnReplies,
                      @Value("${hookbot.dispatcher.enabled:true}") boolean enabled,
                      @Value("${hookbot.dispatcher.workers:8}") int workerCount,
                      @Value("${hookbot.dispatcher.poll-interval:1s}") Duration pollInterval,
                      @Value("${hookbot.dispatcher.batch-size:32}") int batchSize) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.sequencer = sequencer;
        this.conversations = conversations;
        this.presence = presence;
        this.turns = turns;
        this.outbox = outbox;
        this.delivery = delivery;
        this.turnReplies = turnReplies;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        AtomicInteger threadNumber = new AtomicInteger();
        // a thread given up to a plugin that holds it is replaced: the pool grows by one each time (see onTurnHeld)
        this.workers = new ThreadPoolExecutor(workerCount, Integer.MAX_VALUE, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "turns-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dispatcher-poll");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (enabled && !started) {
            started = true;
            poller.scheduleWithFixedDelay(this::poll, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Says a conversation has new events. Cheap; safe from any thread.
     *
     * @param ref the conversation
     */
    public void wake(ConversationRef ref) {
        if (!started) {
            return;
        }
        boolean[] fresh = {false};
        active.compute(ref, (key, signals) -> {
            if (signals == null) {
                fresh[0] = true;
                return new AtomicLong();
            }
            signals.incrementAndGet();
            return signals;
        });
        if (fresh[0]) {
            workers.execute(() -> drain(ref));
        }
    }

    private void poll() {
        try {
            List<ConversationRef> waiting = transactions.executeRead(s -> {
                List<ConversationRef> refs = new ArrayList<>(
                        inbox.conversationsWithPendingEvents(s.getConnection(), 1000));
                refs.addAll(sequencer.gapsDue(s.getConnection(), Instant.now()));
                return refs;
            });
            waiting.forEach(this::wake);
        } catch (RuntimeException e) {
            LOG.error("Could not look for pending events; trying again in {}", pollInterval, e);
        }
    }

    private void drain(ConversationRef ref) {
        // this drain's claim on the conversation; another replaces it if this thread is given up
        AtomicLong mine = active.get(ref);
        if (mine == null) {
            return;
        }
        try {
            while (true) {
                long seen = mine.get();
                int processed = transactions.executeWrite(s -> takeTurns(s.getConnection(), ref, mine));
                if (active.get(ref) != mine) {
                    return;
                }
                if (processed == LOCKED_ELSEWHERE) {
                    // another instance is on it; the poll comes back to it if it leaves anything behind
                    active.remove(ref, mine);
                    return;
                }
                if (processed > 0) {
                    delivery.wake();
                }
                if (processed == batchSize) {
                    continue;
                }
                boolean[] again = {false};
                active.compute(ref, (key, signals) -> {
                    if (signals != mine) {
                        return signals;
                    }
                    again[0] = signals.get() != seen;
                    return again[0] ? signals : null;
                });
                if (!again[0]) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (active.get(ref) != mine) {
                LOG.warn("A given-up drain of conversation {}/{} ended: {}", ref.channel(), ref.key(), e.toString());
                return;
            }
            LOG.error("Turns of conversation {}/{} failed; they stay pending and are retried on the next poll",
                    ref.channel(), ref.key(), e);
            active.remove(ref, mine);
        }
    }

    /**
     * Takes a turn away from a plugin that holds its thread: rolls the thread's transaction back and drains the
     * conversation again on another thread.
     *
     * @param held the plugin, the turn and the thread
     */
    @EventListener
    public void onTurnHeld(TurnHeldByPlugin held) {
        Running drain = running.remove(held.thread());
        if (drain == null) {
            return;
        }
        try {
            // closing returns the connection to the pool rolled back; the held thread's later use of it fails
            drain.connection().close();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not roll back the transaction of turn {} held by plugin {}", held.turn(), held.plugin(), e);
            return;
        }
        LOG.error("Turn {} of conversation {}/{} was held by plugin {}; its transaction is rolled back and the "
                + "conversation taken again", held.turn(), drain.ref().channel(), drain.ref().key(), held.plugin());
        // a fresh claim, so the held drain recognises it has been replaced
        if (active.replace(drain.ref(), drain.claim(), new AtomicLong())) {
            workers.setCorePoolSize(workers.getCorePoolSize() + 1);
            workers.execute(() -> drain(drain.ref()));
        }
    }

    private int takeTurns(Connection connection, ConversationRef ref, AtomicLong claim) throws SQLException {
        Thread thread = Thread.currentThread();
        running.put(thread, new Running(ref, connection, claim));
        try {
            return takeTurns(connection, ref);
        } finally {
            running.remove(thread);
        }
    }

    private int takeTurns(Connection connection, ConversationRef ref) throws SQLException {
        Optional<Conversation> locked = conversations.lock(connection, ref.channel(), ref.key());
        if (locked.isEmpty()) {
            return LOCKED_ELSEWHERE;
        }
        Conversation conversation = locked.get();
        Instant now = Instant.now();
        List<InboxStore.StoredEvent> pending = inbox.pending(connection, ref, batchSize);
        // the sequencer may hold some back (numbered batches behind a gap) or release held ones
        List<InboxStore.StoredEvent> events = sequencer.order(connection, ref, pending, now);
        if (events.isEmpty()) {
            return pending.size();
        }
        List<NewReply> replies = new ArrayList<>();
        List<Long> ids = new ArrayList<>(events.size());
        List<String> errors = new ArrayList<>(events.size());
        for (InboxStore.StoredEvent stored : events) {
            ids.add(stored.id());
            // presence first, in this transaction: the turn's rules see the change they react to
            presence.record(connection, stored.event());
            try {
                TurnResult result = turns.process(new Turn(stored.id(), stored.event(), conversation, now));
                turnReplies.collect(stored, result.actions(), replies);
                conversation = new Conversation(conversation.id(), conversation.channel(), conversation.key(),
                        result.state(), conversation.turns() + 1);
                errors.add(null);
                if (!result.matched().isEmpty()) {
                    LOG.debug("Event {} on {}: {}", stored.id(), ref.channel(), result.matched());
                }
            } catch (RuntimeException e) {
                // a bug in a rule or plugin fails this turn only; the conversation goes on with the next event
                LOG.error("Turn for event {} on {} failed", stored.id(), ref.channel(), e);
                errors.add(e.toString());
            }
        }
        outbox.insert(connection, replies);
        conversations.save(connection, conversation);
        inbox.finish(connection, ids, errors);
        return pending.size();
    }

    /**
     * A drain's transaction in progress.
     *
     * @param ref        the conversation
     * @param connection the transaction's connection
     * @param claim      the drain's claim in {@code active}
     */
    private record Running(ConversationRef ref, Connection connection, AtomicLong claim) {
    }

    /** Stops taking new turns; turns in progress finish. */
    @PreDestroy
    public void close() throws InterruptedException {
        started = false;
        poller.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
