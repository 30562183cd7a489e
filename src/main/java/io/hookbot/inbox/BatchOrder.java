package io.hookbot.inbox;

import io.hookbot.api.Event;
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
 * <p>A numbered platform stores each call as a batch marker ({@link MessageReceived.Sequence#marksBatch()}) followed
 * by the call's new messages in position order. The pass must hold whole calls (the {@link Sequencer} reads a cut
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
 * Messages that arrive without a marker (stored by an earlier version) are placed by their number alone and never
 * restart a sequence.
 */
final class BatchOrder {

    /**
     * @param release  events to turn (or, for batch markers, to consume), in order
     * @param hold     pending events that now wait behind a gap
     * @param state    the new state
     * @param skipped  batch numbers given up in this pass
     * @param late     messages released behind their sequence
     */
    record Outcome(List<InboxStore.StoredEvent> release, List<InboxStore.StoredEvent> hold, SequenceState state,
                   List<Long> skipped, List<InboxStore.StoredEvent> late) {
    }

    /**
     * Held calls by number; calls of the same number whole, in arrival order (the inbox's id order, which within a
     * call is the marker, then the messages by position).
     */
    private static final Comparator<InboxStore.StoredEvent> BY_SEQUENCE = Comparator
            .comparingLong((InboxStore.StoredEvent e) -> sequence(e.event()).batch())
            .thenComparingLong(InboxStore.StoredEvent::id);

    private final List<InboxStore.StoredEvent> released = new ArrayList<>();
    private final List<InboxStore.StoredEvent> waiting;
    private final List<InboxStore.StoredEvent> newlyHeld = new ArrayList<>();
    private final List<Long> skipped = new ArrayList<>();
    private final List<InboxStore.StoredEvent> late = new ArrayList<>();
    private long last;
    private long lastArrived;
    private long restarts;
    private boolean moved;

    private BatchOrder(SequenceState state, List<InboxStore.StoredEvent> held) {
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
    static Outcome decide(SequenceState state, List<InboxStore.StoredEvent> held,
                          List<InboxStore.StoredEvent> pending, Instant now, Duration timeout) {
        BatchOrder order = new BatchOrder(state, held);
        for (InboxStore.StoredEvent event : pending) {
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
        List<InboxStore.StoredEvent> hold = order.newlyHeld.stream().filter(order.waiting::contains).toList();
        SequenceState next = new SequenceState(order.last, order.lastArrived, gapSince,
                state.skipped() + order.skipped.size(), order.restarts);
        return new Outcome(List.copyOf(order.released), hold, next, List.copyOf(order.skipped),
                List.copyOf(order.late));
    }

    private void accept(InboxStore.StoredEvent event) {
        MessageReceived.Sequence sequence = sequence(event.event());
        if (sequence == null) {
            released.add(event);
            return;
        }
        long batch = sequence.batch();
        lastArrived = batch;
        if (sequence.marksBatch()) {
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
            if (batch < last && !sequence.marksBatch()) {
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
        while (!waiting.isEmpty() && sequence(waiting.get(0).event()).batch() <= last + 1) {
            InboxStore.StoredEvent next = waiting.remove(0);
            last = Math.max(last, sequence(next.event()).batch());
            released.add(next);
            moved = true;
        }
    }

    private void releaseAllWaiting() {
        waiting.sort(BY_SEQUENCE);
        for (InboxStore.StoredEvent event : waiting) {
            long batch = sequence(event.event()).batch();
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

    private static MessageReceived.Sequence sequence(Event event) {
        return event instanceof MessageReceived message ? message.sequence() : null;
    }
}
