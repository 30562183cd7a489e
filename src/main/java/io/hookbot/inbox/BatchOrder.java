package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sequencer's decision for one pass over a conversation, without I/O: which events become turns now and in
 * what order, which wait behind a missing batch, and the new {@link SequenceState}. The state machine it implements
 * is written down in docs/order-and-presence.md ("The sequencer's model"); the tests check it against an
 * independent model of that text.
 *
 * <p>A numbered platform stores each call as a batch marker ({@link StoredRow.Mark}) followed by the call's new
 * messages in position order. The pass must hold whole calls (the {@link Sequencer} reads a cut
 * call to its end), and every decision is made per call, so how calls are split over passes changes nothing:
 * <ul>
 *   <li>An event without a sequence passes straight through, in arrival order.</li>
 *   <li>The first call a conversation sees starts its sequence, whatever its number (hookbot may join a room
 *       mid-way).</li>
 *   <li>A call numbered 1 after any other call is a room restart: what the old sequence held is released first (its
 *       gaps counted as skipped), then a new sequence starts with this call. (The same call sent again never gets
 *       here: the inbox dropped it as a duplicate.)</li>
 *   <li>The next call ({@code last + 1}) is released; once its messages are placed, every held call that has
 *       become contiguous is released too, in number order.</li>
 *   <li>A call further ahead is held. A call at or behind the last released number (a resend under the same
 *       number, or a batch whose gap was already given up) is released at once: late rather than lost.</li>
 *   <li>When a gap has been open for the gap timeout, every held call is released in number order and the missing
 *       numbers are counted as skipped. The gap's clock restarts whenever the sequence moves on.</li>
 * </ul>
 * Messages that arrive without a marker (stored by a version before markers) are placed by their number alone and never
 * restart a sequence.
 */
final class BatchOrder {

    /** {@link #batchOf} of an event without a sequence. */
    static final long UNNUMBERED = -1;

    /**
     * @param release  events to turn (or, for batch markers, to consume), in order
     * @param hold     pending events that now wait behind a gap
     * @param state    the new state
     * @param skipped  batch numbers given up in this pass
     * @param late     messages released behind their sequence
     */
    record Outcome(List<StoredRow> release, List<StoredRow> hold, SequenceState state,
                   List<Long> skipped, List<StoredRow> late) {
    }

    /**
     * Held calls by number; calls of the same number whole, in arrival order (the inbox's id order, which within a
     * call is the marker, then the messages by position).
     */
    private static final Comparator<StoredRow> BY_SEQUENCE = Comparator
            .comparingLong(BatchOrder::batchOf)
            .thenComparingLong(StoredRow::id);

    private final List<StoredRow> released = new ArrayList<>();
    private final List<StoredRow> waiting;
    private final List<StoredRow> newlyHeld = new ArrayList<>();
    private final List<Long> skipped = new ArrayList<>();
    private final List<StoredRow> late = new ArrayList<>();
    private long last;
    private long lastArrived;
    private long restarts;
    private boolean moved;

    private BatchOrder(SequenceState state, List<StoredRow> held) {
        this.last = state.lastBatch();
        this.lastArrived = state.lastArrived();
        this.restarts = state.restarts();
        this.waiting = new ArrayList<>(held);
    }

    /**
     * @param state   where the conversation stands
     * @param held    its events already held, oldest first
     * @param pending its new events, oldest first, ending at the end of a call
     * @param now     the time of the pass
     * @param timeout how long a gap may stay open
     * @return the decision
     */
    static Outcome decide(SequenceState state, List<StoredRow> held,
                          List<StoredRow> pending, Instant now, Duration timeout) {
        BatchOrder order = new BatchOrder(state, held);
        for (StoredRow event : pending) {
            order.accept(event);
        }
        order.releaseContiguous();
        Instant gapSince = null;
        if (!order.waiting.isEmpty()) {
            gapSince = order.moved || state.gapSince() == null ? now : state.gapSince();
            if (!gapSince.plus(timeout).isAfter(now)) {
                order.releaseAllWaiting();
                gapSince = null;
            }
        }
        List<StoredRow> hold = order.newlyHeld.stream().filter(order.waiting::contains).toList();
        SequenceState next = new SequenceState(order.last, order.lastArrived, gapSince,
                state.skipped() + order.skipped.size(), order.restarts);
        return new Outcome(List.copyOf(order.released), hold, next, List.copyOf(order.skipped),
                List.copyOf(order.late));
    }

    private void accept(StoredRow event) {
        long batch = batchOf(event);
        if (batch == UNNUMBERED) {
            released.add(event);
            return;
        }
        lastArrived = batch;
        boolean mark = event instanceof StoredRow.Mark;
        if (mark) {
            // the previous call is complete: what it made contiguous goes before this one
            releaseContiguous();
            if (batch == 1 && last >= 1) {
                releaseAllWaiting();
                restarts++;
                last = 0;
            }
        }
        if (last == SequenceState.NONE) {
            last = batch - 1;
        }
        if (batch <= last) {
            if (batch < last && !mark) {
                late.add(event);
            }
            released.add(event);
        } else if (batch == last + 1) {
            released.add(event);
            last = batch;
            moved = true;
        } else {
            waiting.add(event);
            newlyHeld.add(event);
        }
    }

    private void releaseContiguous() {
        waiting.sort(BY_SEQUENCE);
        while (!waiting.isEmpty() && batchOf(waiting.get(0)) <= last + 1) {
            StoredRow next = waiting.remove(0);
            last = Math.max(last, batchOf(next));
            released.add(next);
            moved = true;
        }
    }

    private void releaseAllWaiting() {
        waiting.sort(BY_SEQUENCE);
        for (StoredRow event : waiting) {
            long batch = batchOf(event);
            for (long missing = last + 1; missing < batch; missing++) {
                skipped.add(missing);
            }
            last = Math.max(last, batch);
            released.add(event);
        }
        if (!waiting.isEmpty()) {
            moved = true;
        }
        waiting.clear();
    }

    /**
     * @param row a stored row
     * @return its batch number: a marker's, or a numbered message's ({@link MessageReceived.Sequence#batch()});
     *         {@link #UNNUMBERED} for an event without a sequence
     */
    static long batchOf(StoredRow row) {
        if (row instanceof StoredRow.Mark mark) {
            return mark.mark().batch();
        }
        if (row instanceof InboxStore.StoredEvent stored && stored.event() instanceof MessageReceived message
                && message.sequence() != null) {
            return message.sequence().batch();
        }
        return UNNUMBERED;
    }
}
