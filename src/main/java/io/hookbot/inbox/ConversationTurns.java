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
import io.hookbot.handoff.HumanMode;
import io.hookbot.metrics.TurnMeters;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.ReplyAddressing;
import io.hookbot.presence.PresenceTracker;
import io.hookbot.presence.Sightings;
import io.hookbot.worker.LogContext;
import io.hookbot.worker.SafeErrors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work of one pass on its transaction's connection: each conversation locked and its events taken in order
 * (through the {@link Sequencer}), the senders of all the pass's messages seen in (channel, user) order
 * ({@link Sightings}, so passes that share users do not deadlock on their rows), then each conversation's turns, one
 * event after another, a presence change applied ({@link PresenceTracker}) right before its own turn, and the new
 * state saved. The replies are collected for the caller to write.
 */
@Singleton
final class ConversationTurns {

    /** What {@link Turned#processed} says of a conversation another instance holds. */
    static final int LOCKED_ELSEWHERE = -1;
    private static final Logger LOG = LoggerFactory.getLogger(ConversationTurns.class);

    private final InboxStore inbox;
    private final Sequencer sequencer;
    private final ConversationStore conversations;
    private final PresenceTracker presence;
    private final TurnProcessor turns;
    private final ReplyAddressing replyAddressing;
    private final PresenceView presenceView;
    private final KnownSenders knownSenders;
    private final HumanMode humanMode;
    private final TurnOptOuts optOuts;

    ConversationTurns(InboxStore inbox, Sequencer sequencer, ConversationStore conversations, PresenceTracker presence,
                      TurnProcessor turns, ReplyAddressing replyAddressing, PresenceView presenceView,
                      KnownSenders knownSenders, HumanMode humanMode, TurnOptOuts optOuts) {
        this.inbox = inbox;
        this.sequencer = sequencer;
        this.conversations = conversations;
        this.presence = presence;
        this.turns = turns;
        this.replyAddressing = replyAddressing;
        this.presenceView = presenceView;
        this.knownSenders = knownSenders;
        this.humanMode = humanMode;
        this.optOuts = optOuts;
    }

    /**
     * Takes and turns the conversations, in order.
     *
     * @param connection the pass's transaction
     * @param refs       the conversations
     * @param limit      the most events to take from each
     * @return what the turns produced
     * @throws SQLException on a database error
     */
    Turned run(Connection connection, List<ConversationRef> refs, int limit) throws SQLException {
        Turned turned = new Turned();
        Sightings sightings = new Sightings();
        List<Taken> taken = new ArrayList<>(refs.size());
        for (ConversationRef ref : refs) {
            take(connection, ref, limit, turned, sightings).ifPresent(taken::add);
        }
        // every sender's last-seen time before any turn, in (channel, user) order (see Sightings)
        presence.record(connection, sightings);
        for (Taken conversation : taken) {
            turn(connection, conversation, turned);
        }
        return turned;
    }

    /**
     * Locks a conversation and takes its events in order; notes their senders in the pass's sightings.
     *
     * @return the conversation and its events to turn, or empty when there is nothing to turn (the pass records why)
     */
    private Optional<Taken> take(Connection connection, ConversationRef ref, int limit, Turned turned,
                                 Sightings sightings) throws SQLException {
        Optional<Conversation> locked = conversations.lock(connection, ref.channel(), ref.key());
        if (locked.isEmpty()) {
            turned.processed.put(ref, LOCKED_ELSEWHERE);
            return Optional.empty();
        }
        List<StoredRow> pending = inbox.pending(connection, ref, limit);
        turned.processed.put(ref, pending.size());
        // the sequencer may hold some back (numbered batches behind a gap) or release held ones; it consumes the
        // batch markers and returns events alone, so none of them is ever turned
        List<InboxStore.StoredEvent> events = sequencer.order(connection, ref, pending, pending.size() >= limit);
        for (InboxStore.StoredEvent stored : events) {
            if (stored.event() instanceof MessageReceived message) {
                sightings.add(message);
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(new Taken(ref, locked.get(), events));
    }

    /**
     * Runs a conversation's turns, one event after another, and saves what they did; every line logged meanwhile
     * (the rules, the plugins, the replies' addressing, the save) carries the channel, the conversation's id and the
     * turn's event id ({@link LogContext}), taken off the thread when it is done.
     */
    private void turn(Connection connection, Taken taken, Turned turned) throws SQLException {
        try (LogContext scope = LogContext.conversation(taken.ref().channel(), taken.conversation().id())) {
            turnAll(connection, taken, turned);
        }
    }

    private void turnAll(Connection connection, Taken taken, Turned turned) throws SQLException {
        ConversationRef ref = taken.ref();
        Conversation conversation = taken.conversation();
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>(taken.events().size());
        List<String> errors = new ArrayList<>(taken.events().size());
        List<String> records = new ArrayList<>(taken.events().size());
        for (InboxStore.StoredEvent stored : taken.events()) {
            try (LogContext scope = LogContext.turn(stored.id())) {
                conversation = turnOne(connection, stored, conversation, now, ref, turned, errors, records);
            }
            ids.add(stored.id());
        }
        conversations.save(connection, conversation);
        // what each turn decided goes into its event's row with its outcome (the conversation timeline)
        inbox.finish(connection, ids, errors, records);
    }

    /** @return the conversation as the event's turn left it */
    private Conversation turnOne(Connection connection, InboxStore.StoredEvent stored, Conversation conversation,
                                 Instant now, ConversationRef ref, Turned turned, List<String> errors,
                                 List<String> records) throws SQLException {
        // a presence change first, in this transaction: the turn's rules see the change they react to (a
        // message's sender was seen already, with the pass's other senders)
        if (!(stored.event() instanceof MessageReceived)) {
            presence.record(connection, stored.event());
        }
        // recorded for every message, in this transaction: exactly once per stored message, and before a rule
        // that asks about it is ever added
        boolean firstMessage = stored.event() instanceof MessageReceived message
                && knownSenders.recordMessage(connection, stored.id(), message);
        // an opt-out keyword (STOP, START, HELP) is honoured before any rule, whatever the rules say
        TurnOptOuts.Turn optOut = optOuts.before(connection, stored, now);
        // the presence view joins this transaction, so rules see the presence change of their own turn
        TurnLookups lookups = optOut.lookups(presenceView, firstMessage);
        long started = System.nanoTime();
        try {
            // in human mode the bot steps back (no rule or plugin runs) and a message goes to the agent instead
            Conversation before = conversation;
            TurnResult result = humanMode.turn(connection, conversation, stored.id(), stored.event(), now,
                    () -> turns.process(new Turn(stored.id(), stored.event(), before, now, lookups)));
            replyAddressing.collect(stored.id(), conversation.id(), stored.event(), result.actions(),
                    turned.replies);
            records.add(TurnRecords.json(new TurnRecords.Entry(false, result.verdicts(), conversation.state(),
                    result.state(), null)));
            conversation = new Conversation(conversation.id(), conversation.channel(), conversation.key(),
                    result.state(), conversation.turns() + 1);
            errors.add(null);
            turned.tally.turned(ref.channel(), System.nanoTime() - started);
            if (!result.matched().isEmpty()) {
                LOG.debug("Event {} on {}: {}", stored.id(), ref.channel(), result.matched());
            }
        } catch (RuntimeException e) {
            // a bug in a rule or plugin fails this turn only; the conversation goes on with the next event
            LOG.error("Turn for event {} on {} failed: {} (GET /admin/inbox/failed; full trace at DEBUG)",
                    stored.id(), ref.channel(), SafeErrors.describe(e));
            LOG.debug("Turn for event {} failed", stored.id(), e);
            errors.add(e.toString());
            records.add(TurnRecords.json(new TurnRecords.Entry(true, List.of(), conversation.state(),
                    conversation.state(), SafeErrors.describe(e))));
            turned.tally.failed(ref.channel(), System.nanoTime() - started);
        } finally {
            // the keyword's answer, also when a rule failed the turn
            optOut.answer(turned.replies, conversation.id());
        }
        return conversation;
    }

    /**
     * What a pass's commit makes true for good, kept in memory: its messages' senders are known.
     *
     * @param turned what the committed pass produced
     */
    void committed(Turned turned) {
        knownSenders.committed(turned.recorded);
    }

    /** What one pass's turns produced. */
    static final class Turned {
        /** Per conversation: how many pending events were taken, or {@link #LOCKED_ELSEWHERE}. */
        final Map<ConversationRef, Integer> processed = new HashMap<>();
        /** The replies to write, in the order the turns produced them. */
        final List<NewReply> replies = new ArrayList<>();
        /** The messages whose senders were recorded, remembered as known once the pass commits. */
        final List<MessageReceived> recorded = new ArrayList<>();
        /** The turns, counted once the pass commits. */
        final TurnMeters.Tally tally = new TurnMeters.Tally();
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
}
