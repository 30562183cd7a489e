package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Puts numbered events back in the platform's order before they become turns: a conversation's batches in
 * {@link MessageReceived.Sequence#batch()} order, messages of a batch in {@link MessageReceived.Sequence#position()}
 * order (Webinato's {@code batchNo} and {@code msgID}; any platform that numbers its batches gets the same).
 * A batch that arrives ahead of a missing one is held in the inbox ({@code status = 'HELD'}) until the missing one
 * arrives or {@code hookbot.sequencer.gap-timeout} (default 400 s, a little over two of Webinato's 60–180 s
 * intervals) passes; then the held batches are released and the missing numbers logged and counted
 * ({@code sequence_state.skipped}). See {@link BatchOrder} for the rules.
 *
 * <p>Runs inside the dispatcher's transaction, under the conversation's lock, so the held state and the turns it
 * releases commit together; nothing of it lives only in memory. Events without a sequence cost nothing here.
 */
@Singleton
public class Sequencer {

    private static final Logger LOG = LoggerFactory.getLogger(Sequencer.class);

    private final InboxStore inbox;
    private final SequenceStore store;
    private final Duration gapTimeout;

    public Sequencer(InboxStore inbox, SequenceStore store,
                     SequencerSettings settings) {
        this.inbox = inbox;
        this.store = store;
        this.gapTimeout = settings.gapTimeout();
    }

    /**
     * Orders a conversation's pending events, holding those that wait behind a gap and consuming batch markers.
     *
     * @param connection the transaction's connection, holding the conversation's lock
     * @param ref        the conversation
     * @param pending    its pending events, oldest first (possibly none: a pass that only checks the gap timeout)
     * @param now        the time of the pass
     * @return the events to turn now, in order
     * @throws SQLException on a database error
     */
    public List<InboxStore.StoredEvent> order(Connection connection, ConversationRef ref,
                                              List<InboxStore.StoredEvent> pending, Instant now) throws SQLException {
        boolean numbered = pending.stream().anyMatch(e -> sequence(e) != null);
        if (!numbered && !pending.isEmpty()) {
            return pending;
        }
        Optional<SequenceState> stored = store.load(connection, ref);
        if (!numbered && (stored.isEmpty() || stored.get().gapSince() == null)) {
            return pending;
        }
        SequenceState state = stored.orElse(SequenceState.initial());
        List<InboxStore.StoredEvent> held = state.gapSince() == null ? List.of() : inbox.held(connection, ref);
        BatchOrder.Outcome outcome = BatchOrder.decide(state, held, pending, now, gapTimeout);
        inbox.hold(connection, outcome.hold().stream().map(InboxStore.StoredEvent::id).toList());
        if (stored.isEmpty() || !stored.get().equals(outcome.state())) {
            store.save(connection, ref, outcome.state());
        }
        report(ref, outcome);
        List<InboxStore.StoredEvent> turns = new ArrayList<>(outcome.release().size());
        List<Long> markers = new ArrayList<>();
        for (InboxStore.StoredEvent event : outcome.release()) {
            MessageReceived.Sequence sequence = sequence(event);
            if (sequence != null && sequence.marksEmptyBatch()) {
                markers.add(event.id());
            } else {
                turns.add(event);
            }
        }
        inbox.finish(connection, markers, Collections.nCopies(markers.size(), null));
        return turns;
    }

    /**
     * @param connection a connection
     * @param now        the time
     * @return conversations whose gap has been open for the gap timeout, to be visited
     * @throws SQLException on a database error
     */
    public List<ConversationRef> gapsDue(Connection connection, Instant now) throws SQLException {
        return store.gapsOpenedBefore(connection, now.minus(gapTimeout));
    }

    private static void report(ConversationRef ref, BatchOrder.Outcome outcome) {
        if (!outcome.skipped().isEmpty()) {
            LOG.warn("Conversation {}/{}: batches {} never arrived within {}; released what was held behind them "
                    + "({} skipped in total)", ref.channel(), ref.key(), outcome.skipped(),
                    "the gap timeout", outcome.state().skipped());
        }
        if (!outcome.late().isEmpty()) {
            LOG.warn("Conversation {}/{}: {} events arrived after their batch was given up; turned late",
                    ref.channel(), ref.key(), outcome.late().size());
        }
        if (!outcome.hold().isEmpty()) {
            LOG.debug("Conversation {}/{}: holding {} events behind batch {}", ref.channel(), ref.key(),
                    outcome.hold().size(), outcome.state().lastBatch() + 1);
        }
    }

    private static MessageReceived.Sequence sequence(InboxStore.StoredEvent event) {
        return event.event() instanceof MessageReceived message ? message.sequence() : null;
    }
}
