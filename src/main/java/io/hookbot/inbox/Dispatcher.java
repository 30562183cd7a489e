package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceView;
import io.hookbot.bot.Turn;
import io.hookbot.bot.TurnProcessor;
import io.hookbot.bot.TurnResult;
import io.hookbot.bot.plugins.TurnHeldByPlugin;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.conversation.KnownSenders;
import io.hookbot.db.DatabaseErrors;
import io.hookbot.outbox.DeliverySettings;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.presence.PresenceTracker;
import io.hookbot.presence.Sightings;
import io.hookbot.worker.SafeErrors;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Feeds stored events to the bot, conversation by conversation. A conversation is turned by one worker thread at
 * a time (here), under its row lock (across instances); its events are taken oldest first. Different conversations
 * run in parallel on {@code hookbot.dispatcher.workers} threads.
 *
 * <p>Conversations with new events wait in a ready queue. A worker takes as many as are waiting, up to
 * {@code hookbot.dispatcher.conversations-per-transaction}, and turns them all in one transaction: each
 * conversation's events (up to {@code hookbot.dispatcher.batch-size}), the replies, the new states and the presence
 * changes commit together. Under load this shares one commit among many conversations' turns; when idle a
 * transaction holds the one conversation that just got a message, so latency stays low. A transaction that fails
 * is retried conversation by conversation, so one conversation's trouble never holds back the others. After the
 * commit, the replies that can go out at once are handed to the delivery worker without another transaction.
 *
 * <p>Work is found two ways: the inbox writer wakes the dispatcher right after its commit, and a poll every
 * {@code hookbot.dispatcher.poll-interval} picks up whatever a wake-up missed (events stored before a restart,
 * or by another instance, or a conversation another instance held), and conversations whose sequencer gap has
 * been open for the gap timeout.
 *
 * <p>Before its turns, a conversation's pending events go through the {@link Sequencer}, which holds numbered
 * batches that arrive ahead of a missing one and releases them in order. The senders of all the pass's messages
 * then have their last-seen times moved, in (channel, user) order ({@link Sightings}), so passes whose conversations
 * share users take those rows in one order and do not deadlock; a presence change updates presence
 * ({@link PresenceTracker}) right before its own turn.
 *
 * <p>A pass held by a plugin that ignores its budget and the interrupt ({@link TurnHeldByPlugin}) is taken away
 * from it: the held thread's transaction is rolled back (its connection closed, which releases the conversations'
 * locks), its conversations go back in the ready queue under fresh claims, and a new worker takes the held one's
 * place; the held thread, whenever the plugin lets it go, finds its claims replaced and leaves quietly. Its events
 * are taken again, never committed twice.
 */
@Singleton
public class Dispatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int LOCKED_ELSEWHERE = -1;
    /** A poll that runs longer than this means the database is stuck: readiness says so. */
    private static final Duration STUCK_AFTER = Duration.ofMinutes(1);

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
    private final int conversationsPerTransaction;
    private final int workerCount;
    private final Duration deliveryLease;
    private final Supervisor supervisor;
    /** The turn workers, by their thread, so that one held by a plugin can be replaced. */
    private final Map<Thread, Worker> workers = new ConcurrentHashMap<>();
    private final AtomicInteger workerNumber = new AtomicInteger();
    private volatile Worker poller;
    /** Conversations waiting for a worker; each is here at most once, and only while it is in {@link #active}. */
    private final LinkedBlockingQueue<ConversationRef> ready = new LinkedBlockingQueue<>();
    /** Conversations queued or being turned, each with a counter of wake-ups, so a wake-up during a pass is never lost. */
    private final Map<ConversationRef, AtomicLong> active = new ConcurrentHashMap<>();
    /** The passes running a transaction now, by thread, so that one held by a plugin can be given up. */
    private final Map<Thread, RunningPass> running = new ConcurrentHashMap<>();
    private volatile boolean started;

    public Dispatcher(TransactionOperations<Connection> transactions, InboxStore inbox, Sequencer sequencer,
                      ConversationStore conversations, PresenceTracker presence, TurnProcessor turns, OutboxStore outbox,
                      DeliveryWorker deliveryWorker, TurnReplies turnReplies, PresenceView presenceView,
                      KnownSenders knownSenders, Supervisor supervisor, DispatcherSettings settings,
                      DeliverySettings delivery) {
        this.transactions = transactions;
        this.inbox = inbox;
        this.sequencer = sequencer;
        this.conversations = conversations;
        this.presence = presence;
        this.turns = turns;
        this.outbox = outbox;
        this.delivery = deliveryWorker;
        this.turnReplies = turnReplies;
        this.presenceView = presenceView;
        this.knownSenders = knownSenders;
        this.enabled = settings.enabled();
        this.pollInterval = settings.pollInterval();
        this.batchSize = settings.batchSize();
        this.conversationsPerTransaction = settings.conversationsPerTransaction();
        this.workerCount = settings.workers();
        this.deliveryLease = delivery.lease();
        this.supervisor = supervisor;
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
            ready.add(ref);
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
        ConversationRef first = ready.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        List<ConversationRef> taken = new ArrayList<>(conversationsPerTransaction);
        taken.add(first);
        ready.drainTo(taken, conversationsPerTransaction - 1);
        try {
            pass(taken, batchSize);
        } catch (Throwable e) {
            // what the pass held stays pending and comes back with the next poll; the supervisor logs and backs off
            taken.forEach(active::remove);
            throw e;
        }
    }

    /**
     * Turns the conversations in one transaction, or one by one if that fails. A conversation that fails alone is
     * retried on the next poll when the database failed (it may be back); when its own data failed it (an event
     * that cannot be read, or what its turn writes refused by the database), its oldest event alone is tried, and
     * if that fails too it is marked failed, so that one bad event never stops its conversation for good.
     *
     * @param refs  the conversations
     * @param limit the most events to take from each
     */
    private void pass(List<ConversationRef> refs, int limit) {
        Map<ConversationRef, AtomicLong> claims = new HashMap<>();
        Map<ConversationRef, Long> seen = new HashMap<>();
        for (ConversationRef ref : refs) {
            AtomicLong claim = active.get(ref);
            claims.put(ref, claim);
            seen.put(ref, claim.get());
        }
        Pass pass = new Pass();
        Thread thread = Thread.currentThread();
        try {
            transactions.executeWrite(s -> {
                pass.clear();
                running.put(thread, new RunningPass(refs, s.getConnection(), claims));
                try {
                    List<Taken> taken = new ArrayList<>(refs.size());
                    for (ConversationRef ref : refs) {
                        take(s.getConnection(), ref, limit, pass).ifPresent(taken::add);
                    }
                    // every sender's last-seen time before any turn, in (channel, user) order (see Sightings)
                    presence.record(s.getConnection(), pass.sightings);
                    for (Taken conversation : taken) {
                        turn(s.getConnection(), conversation, pass);
                    }
                    pass.written = writeReplies(s.getConnection(), pass.replies);
                } finally {
                    running.remove(thread);
                }
                return null;
            });
        } catch (Exception e) {
            if (givenUp(claims)) {
                LOG.warn("A given-up pass over {} conversations ended: {}", refs.size(), SafeErrors.describe(e));
                return;
            }
            // checked SQL exceptions come through the transaction template unwrapped
            if (refs.size() > 1) {
                LOG.warn("Turns of {} conversations in one transaction failed, taking them one by one: {}",
                        refs.size(), SafeErrors.describe(e));
                refs.forEach(ref -> pass(List.of(ref), limit));
                return;
            }
            ConversationRef ref = refs.get(0);
            boolean database = SafeErrors.sqlCause(e) != null && !DatabaseErrors.isCausedByData(e);
            if (database) {
                // the database's trouble, not this conversation's: the worker shows it, the next poll retries
                currentWorker().ifPresent(worker -> worker.failed(e));
                LOG.debug("Turns of conversation {}/{} failed; retried on the next poll", ref.channel(), ref.key(), e);
                active.remove(ref, claims.get(ref));
                return;
            }
            if (limit > 1) {
                LOG.warn("Turns of a conversation on {} failed ({}); taking its events one at a time", ref.channel(),
                        SafeErrors.describe(e));
                pass(refs, 1);
                return;
            }
            failOldest(ref, e);
            active.remove(ref, claims.get(ref));
            return;
        }
        // the database's trouble a worker reported is over for all of them once one pass commits
        workers.values().forEach(Worker::ok);
        if (givenUp(claims)) {
            // cannot happen once committed: a pass is given up only by closing its connection before the commit
            return;
        }
        delivery.handOff(pass.written.claimed());
        if (pass.written.queued() > 0) {
            delivery.wake();
        }
        for (ConversationRef ref : refs) {
            settle(ref, pass.processed.get(ref), claims.get(ref), seen.get(ref));
        }
    }

    /** Whether another worker took over this pass's conversations (see {@link #onTurnHeld}). */
    private boolean givenUp(Map<ConversationRef, AtomicLong> claims) {
        return claims.entrySet().stream().anyMatch(c -> active.get(c.getKey()) != c.getValue());
    }

    /**
     * Takes a pass away from a plugin that holds its thread: rolls the thread's transaction back, puts its
     * conversations back in the ready queue under fresh claims and starts a worker in the held one's place.
     *
     * @param held the plugin, the turn and the thread
     */
    @EventListener
    public void onTurnHeld(TurnHeldByPlugin held) {
        RunningPass pass = running.remove(held.thread());
        if (pass == null) {
            return;
        }
        try {
            // closing returns the connection to the pool rolled back; the held thread's later use of it fails
            pass.connection().close();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not roll back the transaction of turn {} held by plugin {}", held.turn(), held.plugin(), e);
            return;
        }
        LOG.error("Turn {} was held by plugin {}; the transaction of its {} conversation(s) is rolled back and they "
                + "are taken again", held.turn(), held.plugin(), pass.refs().size());
        Worker heldWorker = workers.remove(held.thread());
        if (heldWorker != null) {
            // its thread ends when the plugin lets it go; a new worker takes its place now
            heldWorker.stop();
            supervisor.forget(heldWorker);
        }
        for (ConversationRef ref : pass.refs()) {
            if (active.replace(ref, pass.claims().get(ref), new AtomicLong())) {
                ready.add(ref);
            }
        }
        startWorker();
    }

    /** Marks a conversation's oldest pending event failed, in a transaction of its own (see {@link #pass}). */
    private void failOldest(ConversationRef ref, Exception cause) {
        String error = "its turn could not be taken: " + SafeErrors.describe(cause);
        try {
            OptionalLong failed = transactions.executeWrite(s -> {
                if (conversations.lock(s.getConnection(), ref.channel(), ref.key()).isEmpty()) {
                    return OptionalLong.empty();
                }
                return inbox.failOldestPending(s.getConnection(), ref, error);
            });
            failed.ifPresent(id -> LOG.error("Event {} on {} is marked failed: {} (GET /admin/inbox/failed; full "
                    + "trace at DEBUG)", id, ref.channel(), SafeErrors.describe(cause)));
            LOG.debug("Event of conversation {}/{} failed", ref.channel(), ref.key(), cause);
        } catch (Exception e) {
            currentWorker().ifPresent(worker -> worker.failed(e));
        }
    }

    private Optional<Worker> currentWorker() {
        return Optional.ofNullable(workers.get(Thread.currentThread()));
    }

    /** After a pass: queue the conversation again if it has more to do, otherwise let it go. */
    private void settle(ConversationRef ref, int processed, AtomicLong claim, long seen) {
        if (processed == LOCKED_ELSEWHERE) {
            // another instance is on it; the poll comes back to it if it leaves anything behind
            active.remove(ref, claim);
            return;
        }
        if (processed == batchSize) {
            ready.add(ref);
            return;
        }
        boolean[] again = {false};
        active.compute(ref, (key, signals) -> {
            if (signals != claim) {
                return signals;
            }
            again[0] = signals.get() != seen;
            return again[0] ? signals : null;
        });
        if (again[0]) {
            ready.add(ref);
        }
    }

    private OutboxStore.Written writeReplies(Connection connection, List<NewReply> replies) throws SQLException {
        Instant now = Instant.now();
        return outbox.insertForDelivery(connection, replies, now, now.plus(deliveryLease), delivery::accepting);
    }

    /**
     * Locks a conversation and takes its events in order; notes their senders in the pass's sightings.
     *
     * @return the conversation and its events to turn, or empty when there is nothing to turn (the pass records why)
     */
    private Optional<Taken> take(Connection connection, ConversationRef ref, int limit, Pass pass)
            throws SQLException {
        Optional<Conversation> locked = conversations.lock(connection, ref.channel(), ref.key());
        if (locked.isEmpty()) {
            pass.processed.put(ref, LOCKED_ELSEWHERE);
            return Optional.empty();
        }
        List<InboxStore.StoredEvent> pending = inbox.pending(connection, ref, limit);
        pass.processed.put(ref, pending.size());
        // the sequencer may hold some back (numbered batches behind a gap) or release held ones
        List<InboxStore.StoredEvent> events = sequencer.order(connection, ref, pending, pending.size() >= limit);
        for (InboxStore.StoredEvent stored : events) {
            if (stored.event() instanceof MessageReceived message) {
                pass.sightings.add(message);
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new Taken(ref, locked.get(), events));
    }

    /** Runs a conversation's turns, one event after another, and saves what they did. */
    private void turn(Connection connection, Taken taken, Pass pass) throws SQLException {
        ConversationRef ref = taken.ref();
        Conversation conversation = taken.conversation();
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>(taken.events().size());
        List<String> errors = new ArrayList<>(taken.events().size());
        for (InboxStore.StoredEvent stored : taken.events()) {
            ids.add(stored.id());
            // a presence change first, in this transaction: the turn's rules see the change they react to (a
            // message's sender was seen already, with the pass's other senders)
            if (!(stored.event() instanceof MessageReceived)) {
                presence.record(connection, stored.event());
            }
            // recorded for every message, in this transaction: exactly once per stored message, and before a rule
            // that asks about it is ever added
            boolean firstMessage = stored.event() instanceof MessageReceived message
                    && knownSenders.recordMessage(connection, stored.id(), message);
            // the presence view joins this transaction, so rules see the presence change of their own turn
            TurnLookups lookups = TurnLookups.of(presenceView, firstMessage);
            try {
                TurnResult result = turns.process(new Turn(stored.id(), stored.event(), conversation, now, lookups));
                turnReplies.collect(stored, result.actions(), pass.replies);
                conversation = new Conversation(conversation.id(), conversation.channel(), conversation.key(),
                        result.state(), conversation.turns() + 1);
                errors.add(null);
                if (!result.matched().isEmpty()) {
                    LOG.debug("Event {} on {}: {}", stored.id(), ref.channel(), result.matched());
                }
            } catch (RuntimeException e) {
                // a bug in a rule or plugin fails this turn only; the conversation goes on with the next event
                LOG.error("Turn for event {} on {} failed: {} (GET /admin/inbox/failed; full trace at DEBUG)",
                        stored.id(), ref.channel(), SafeErrors.describe(e));
                LOG.debug("Turn for event {} failed", stored.id(), e);
                errors.add(e.toString());
            }
        }
        conversations.save(connection, conversation);
        inbox.finish(connection, ids, errors);
    }

    /**
     * A conversation locked by a pass, with the events it turns.
     *
     * @param ref          the conversation
     * @param conversation its row, as locked
     * @param events       its events, in order
     */
    private record Taken(ConversationRef ref, Conversation conversation, List<InboxStore.StoredEvent> events) {
    }

    /**
     * A pass's transaction in progress.
     *
     * @param refs       its conversations
     * @param connection the transaction's connection
     * @param claims     the pass's claims in {@code active}
     */
    private record RunningPass(List<ConversationRef> refs, Connection connection,
                               Map<ConversationRef, AtomicLong> claims) {
    }

    /** What one transaction's turns produced. */
    private static final class Pass {
        final Map<ConversationRef, Integer> processed = new HashMap<>();
        final List<NewReply> replies = new ArrayList<>();
        final Sightings sightings = new Sightings();
        OutboxStore.Written written;

        /** Forgets a rolled-back attempt, should the transaction be retried. */
        void clear() {
            processed.clear();
            replies.clear();
            sightings.clear();
            written = null;
        }
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
