package io.hookbot.inbox;

import io.hookbot.bot.plugins.TurnHeldByPlugin;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.db.DatabaseErrors;
import io.hookbot.metrics.TurnMeters;
import io.hookbot.outbox.OutboxWriter;
import io.hookbot.worker.SafeErrors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One transaction over the conversations a worker took: their events taken and turned ({@link ConversationTurns}),
 * their replies written, all committed together; then each conversation settled in the {@link ConversationQueue}.
 * A transaction that fails is tried again conversation by conversation, so one conversation's trouble never holds
 * back the others. A conversation that fails alone is left for the next poll when the database failed (it may be
 * back); when its own data failed it (an event that cannot be read, or what its turn writes refused by the
 * database), its oldest event alone is tried, and if that fails too it is marked failed, so that one bad event never
 * stops its conversation for good.
 *
 * <p>A pass held by a plugin that ignores its budget and the interrupt can be given up ({@link #giveUp}): its
 * transaction is rolled back by closing its connection from another thread (which releases the conversations'
 * locks) and its conversations go back in the queue under fresh claims; the held thread, whenever the plugin lets it
 * go, finds its claims replaced and leaves quietly. Its events are taken again, never committed twice.
 */
@Singleton
final class TurnPass {

    private static final Logger LOG = LoggerFactory.getLogger(TurnPass.class);

    private final TransactionOperations<Connection> transactions;
    private final ConversationTurns conversationTurns;
    private final ConversationQueue queue;
    private final InboxStore inbox;
    private final ConversationStore conversations;
    private final OutboxWriter outbox;
    private final TurnMeters meters;
    private final int batchSize;
    /** The passes running a transaction now, by thread, so that one held by a plugin can be given up. */
    private final Map<Thread, Running> running = new ConcurrentHashMap<>();

    TurnPass(TransactionOperations<Connection> transactions, ConversationTurns conversationTurns,
             ConversationQueue queue, InboxStore inbox, ConversationStore conversations, OutboxWriter outbox,
             TurnMeters meters, DispatcherSettings settings) {
        this.transactions = transactions;
        this.conversationTurns = conversationTurns;
        this.queue = queue;
        this.inbox = inbox;
        this.conversations = conversations;
        this.outbox = outbox;
        this.meters = meters;
        this.batchSize = settings.batchSize();
    }

    /** Where a pass tells how the database is doing: the worker that runs it shows it. */
    interface Health {

        /**
         * The database failed this thread's pass; the conversation is tried again on the next poll.
         *
         * @param e what failed
         */
        void failed(Exception e);

        /** A pass committed: whatever the database's trouble was, it is over. */
        void committed();
    }

    /**
     * Turns conversations taken from the queue, in one transaction or one by one.
     *
     * @param refs   the conversations
     * @param health where the database's trouble is told
     */
    void run(List<ConversationRef> refs, Health health) {
        pass(refs, batchSize, health);
    }

    private void pass(List<ConversationRef> refs, int limit, Health health) {
        ConversationQueue.Claims claims = queue.claim(refs);
        Thread thread = Thread.currentThread();
        ConversationTurns.Turned turned;
        try {
            turned = transactions.executeWrite(s -> {
                running.put(thread, new Running(claims, s.getConnection()));
                try {
                    ConversationTurns.Turned done = conversationTurns.run(s.getConnection(), refs, limit);
                    // written with the turns; those that can go out now are handed to delivery after the commit
                    outbox.writeAndHandOff(s, done.replies);
                    return done;
                } finally {
                    running.remove(thread);
                }
            });
        } catch (Exception e) {
            failed(claims, limit, health, e);
            return;
        }
        // the database's trouble a worker reported is over for all of them once one pass commits
        health.committed();
        meters.record(turned.tally);
        conversationTurns.committed(turned);
        if (claims.givenUp()) {
            // cannot happen once committed: a pass is given up only by closing its connection before the commit
            return;
        }
        for (ConversationRef ref : refs) {
            int processed = turned.processed.get(ref);
            if (processed == ConversationTurns.LOCKED_ELSEWHERE) {
                // another instance is on it; the poll comes back to it if it leaves anything behind
                claims.release(ref);
            } else {
                claims.settle(ref, processed == batchSize);
            }
        }
    }

    /** After a pass's transaction failed: one by one, one event at a time, or the oldest event failed. */
    private void failed(ConversationQueue.Claims claims, int limit, Health health, Exception e) {
        List<ConversationRef> refs = claims.refs();
        if (claims.givenUp()) {
            LOG.warn("A given-up pass over {} conversations ended: {}", refs.size(), SafeErrors.describe(e));
            return;
        }
        // checked SQL exceptions come through the transaction template unwrapped
        if (refs.size() > 1) {
            LOG.warn("Turns of {} conversations in one transaction failed, taking them one by one: {}",
                    refs.size(), SafeErrors.describe(e));
            refs.forEach(ref -> pass(List.of(ref), limit, health));
            return;
        }
        ConversationRef ref = refs.get(0);
        boolean database = SafeErrors.sqlCause(e) != null && !DatabaseErrors.isCausedByData(e);
        if (database) {
            // the database's trouble, not this conversation's: the worker shows it, the next poll retries
            health.failed(e);
            LOG.debug("Turns of conversation {}/{} failed; retried on the next poll", ref.channel(), ref.key(), e);
            claims.release(ref);
            return;
        }
        if (limit > 1) {
            LOG.warn("Turns of a conversation on {} failed ({}); taking its events one at a time", ref.channel(),
                    SafeErrors.describe(e));
            pass(refs, 1, health);
            return;
        }
        failOldest(ref, e, health);
        claims.release(ref);
    }

    /** Marks a conversation's oldest pending event failed, in a transaction of its own. */
    private void failOldest(ConversationRef ref, Exception cause, Health health) {
        String error = "its turn could not be taken: " + SafeErrors.describe(cause);
        try {
            OptionalLong failed = transactions.executeWrite(s -> {
                if (conversations.lock(s.getConnection(), ref.channel(), ref.key()).isEmpty()) {
                    return OptionalLong.empty();
                }
                return inbox.failOldestPending(s.getConnection(), ref, error);
            });
            failed.ifPresent(id -> meters.failed(ref.channel()));
            failed.ifPresent(id -> LOG.error("Event {} on {} is marked failed: {} (GET /admin/inbox/failed; full "
                    + "trace at DEBUG)", id, ref.channel(), SafeErrors.describe(cause)));
            LOG.debug("Event of conversation {}/{} failed", ref.channel(), ref.key(), cause);
        } catch (Exception e) {
            health.failed(e);
        }
    }

    /**
     * Gives up the pass a plugin holds: rolls its transaction back by closing its connection, and puts its
     * conversations back in the queue under fresh claims.
     *
     * @param held the plugin, the turn and the thread
     * @return whether a pass was given up (the held thread ran one, and its connection could be closed)
     */
    boolean giveUp(TurnHeldByPlugin held) {
        Running pass = running.remove(held.thread());
        if (pass == null) {
            return false;
        }
        try {
            // closing returns the connection to the pool rolled back; the held thread's later use of it fails
            pass.connection().close();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not roll back the transaction of turn {} held by plugin {}", held.turn(), held.plugin(), e);
            return false;
        }
        LOG.error("Turn {} was held by plugin {}; the transaction of its {} conversation(s) is rolled back and they "
                + "are taken again", held.turn(), held.plugin(), pass.claims().refs().size());
        pass.claims().takeBack();
        return true;
    }

    /**
     * A pass's transaction in progress.
     *
     * @param claims     the pass's claims
     * @param connection the transaction's connection
     */
    private record Running(ConversationQueue.Claims claims, Connection connection) {
    }
}
