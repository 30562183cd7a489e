package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
    /** Events read per query when a pass ends inside a call and the rest of the call is read. */
    private static final int READ_AHEAD = 256;

    private final InboxStore inbox;
    private final SequenceStore store;
    private final Duration gapTimeout;
    private final Clock clock;

    public Sequencer(InboxStore inbox, SequenceStore store, SequencerSettings settings, Clock clock) {
        this.inbox = inbox;
        this.store = store;
        this.gapTimeout = settings.gapTimeout();
        this.clock = clock;
    }

    /**
     * Orders a conversation's pending events, holding those that wait behind a gap and consuming batch markers.
     * Decisions are made per call, so a page that ends inside a call (a 200-message batch taken 32 at a time) is
     * read on to the call's end first: the pass may return more events than the page held.
     *
     * @param connection the transaction's connection, holding the conversation's lock
     * @param ref        the conversation
     * @param pending    its pending rows, oldest first (possibly none: a pass that only checks the gap timeout)
     * @param pageFull   whether {@code pending} was cut at the page size (more may be pending)
     * @return the events to turn now, in order: never a batch marker (those released are marked done here)
     * @throws SQLException on a database error
     */
    public List<InboxStore.StoredEvent> order(Connection connection, ConversationRef ref, List<StoredRow> pending,
                                              boolean pageFull) throws SQLException {
        boolean numbered = pending.stream().anyMatch(e -> BatchOrder.batchOf(e) != BatchOrder.UNNUMBERED);
        if (!numbered && !pending.isEmpty()) {
            return events(pending);
        }
        Optional<SequenceState> stored = store.load(connection, ref);
        if (!numbered && (stored.isEmpty() || stored.get().gapSince() == null)) {
            return events(pending);
        }
        List<StoredRow> whole = pageFull ? toEndOfCall(connection, ref, pending) : pending;
        SequenceState state = stored.orElse(SequenceState.initial());
        List<StoredRow> held = state.gapSince() == null ? List.of() : inbox.held(connection, ref);
        BatchOrder.Outcome outcome = BatchOrder.decide(state, held, whole, clock.instant(), gapTimeout);
        inbox.hold(connection, outcome.hold().stream().map(StoredRow::id).toList());
        if (stored.isEmpty() || !stored.get().equals(outcome.state())) {
            store.save(connection, ref, outcome.state());
        }
        report(ref, outcome);
        List<InboxStore.StoredEvent> turns = new ArrayList<>(outcome.release().size());
        List<Long> markers = new ArrayList<>();
        for (StoredRow row : outcome.release()) {
            if (row instanceof InboxStore.StoredEvent event) {
                turns.add(event);
            } else {
                markers.add(row.id());
            }
        }
        inbox.finish(connection, markers, Collections.nCopies(markers.size(), null));
        return turns;
    }

    /** Rows without a number are events: a marker always has one. */
    private static List<InboxStore.StoredEvent> events(List<StoredRow> unnumbered) {
        return unnumbered.stream().map(InboxStore.StoredEvent.class::cast).toList();
    }

    /** The page, and after it the rest of the call its last row belongs to (up to the next marker). */
    private List<StoredRow> toEndOfCall(Connection connection, ConversationRef ref, List<StoredRow> page)
            throws SQLException {
        List<StoredRow> whole = new ArrayList<>(page);
        while (true) {
            long current = BatchOrder.batchOf(whole.get(whole.size() - 1));
            if (current == BatchOrder.UNNUMBERED) {
                return whole;
            }
            List<StoredRow> more = inbox.pendingAfter(connection, ref, whole.get(whole.size() - 1).id(), READ_AHEAD);
            for (StoredRow next : more) {
                if (next instanceof StoredRow.Mark || BatchOrder.batchOf(next) != current) {
                    return whole;
                }
                whole.add(next);
            }
            if (more.size() < READ_AHEAD) {
                return whole;
            }
        }
    }

    /**
     * @param connection a connection
     * @return conversations whose gap has been open for the gap timeout, to be visited
     * @throws SQLException on a database error
     */
    public List<ConversationRef> gapsDue(Connection connection) throws SQLException {
        return store.gapsOpenedBefore(connection, clock.instant().minus(gapTimeout));
    }

    private static void report(ConversationRef ref, BatchOrder.Outcome outcome) {
        if (!outcome.skipped().isEmpty()) {
            LOG.warn("Conversation {}/{}: batches {} never arrived before the gap timeout or a room restart; released "
                    + "what was held behind them ({} skipped in total)", ref.channel(), ref.key(), outcome.skipped(),
                    outcome.state().skipped());
        }
        if (!outcome.late().isEmpty()) {
            LOG.warn("Conversation {}/{}: {} messages came in batches behind the sequence (given up, or resent under an "
                    + "old number); turned at once",
                    ref.channel(), ref.key(), outcome.late().size());
        }
        if (!outcome.hold().isEmpty()) {
            LOG.debug("Conversation {}/{}: holding {} events behind batch {}", ref.channel(), ref.key(),
                    outcome.hold().size(), outcome.state().lastBatch() + 1);
        }
    }
}
