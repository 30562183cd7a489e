package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceView;
import io.hookbot.bot.Turn;
import io.hookbot.bot.TurnProcessor;
import io.hookbot.bot.TurnResult;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.conversation.KnownSenders;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.presence.PresenceTracker;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private final PresenceView presenceView;
    private final KnownSenders knownSenders;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int batchSize;
    private final ExecutorService workers;
    private final ScheduledExecutorService poller;
    /** Conversations being drained, each with a counter of wake-ups, so a wake-up during a drain is never lost. */
    private final Map<ConversationRef, AtomicLong> active = new ConcurrentHashMap<>();
    private volatile boolean started;

    public Dispatcher(TransactionOperations<Connection> transactions, InboxStore inbox, Sequencer sequencer,
                      ConversationStore conversations, PresenceTracker presence, TurnProcessor turns, OutboxStore outbox,
                      DeliveryWorker delivery, TurnReplies turnReplies, PresenceView presenceView,
                      KnownSenders knownSenders,
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
        this.presenceView = presenceView;
        this.knownSenders = knownSenders;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        AtomicInteger threadNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workerCount, runnable -> {
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
        try {
            while (true) {
                long seen = active.get(ref).get();
                int processed = transactions.executeWrite(s -> takeTurns(s.getConnection(), ref));
                if (processed == LOCKED_ELSEWHERE) {
                    // another instance is on it; the poll comes back to it if it leaves anything behind
                    active.remove(ref);
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
                    again[0] = signals.get() != seen;
                    return again[0] ? signals : null;
                });
                if (!again[0]) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Turns of conversation {}/{} failed; they stay pending and are retried on the next poll",
                    ref.channel(), ref.key(), e);
            active.remove(ref);
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
            // recorded for every message, in this transaction: exactly once per stored message, and before a rule
            // that asks about it is ever added
            boolean firstMessage = stored.event() instanceof MessageReceived message
                    && knownSenders.recordMessage(connection, stored.id(), message);
            // the presence view joins this transaction, so rules see the presence change of their own turn
            TurnLookups lookups = TurnLookups.of(presenceView, firstMessage);
            try {
                TurnResult result = turns.process(new Turn(stored.id(), stored.event(), conversation, now, lookups));
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

    /** Stops taking new turns; turns in progress finish. */
    @PreDestroy
    public void close() throws InterruptedException {
        started = false;
        poller.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
