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
 * what order, which wait behind a missing batch, and the new {@link SequenceState}.
 *
 * <p>Rules, in the order they apply to each pending event (oldest first):
 * <ul>
 *   <li>An event without a sequence passes straight through.</li>
 *   <li>The first numbered batch a conversation sees starts its sequence (hookbot may join a room mid-way).</li>
 *   <li>Batch 1 arriving after another number means the platform restarted its numbering: everything held is
 *       released (its gaps counted as skipped) and a new sequence starts. More of batch 1 right after batch 1
 *       (a long batch taken in two passes) is not a restart.</li>
 *   <li>The next batch ({@code last + 1}), or more of the current one, is released, then every held batch that
 *       has become contiguous.</li>
 *   <li>A batch further ahead is held. A batch behind the current one (a batch whose gap was already given up)
 *       is released at once: late rather than lost.</li>
 *   <li>When a gap has been open for the gap timeout, every held batch is released in order and the missing
 *       numbers are counted as skipped.</li>
 * </ul>
 * Released events are ordered by (sequence generation, batch, position), so messages of one batch become turns in
 * the platform's message-id order.
 */
final class BatchOrder {

    /**
     * @param release  events to turn (or, for batch markers, to consume), in order
     * @param hold     pending events that now wait behind a gap
     * @param state    the new state
     * @param skipped  batch numbers given up in this pass
     * @param late     events released behind their sequence
     */
    record Outcome(List<InboxStore.StoredEvent> release, List<InboxStore.StoredEvent> hold, SequenceState state,
                   List<Long> skipped, List<InboxStore.StoredEvent> late) {
    }

    private record Released(int generation, InboxStore.StoredEvent event) {
    }

    private static final Comparator<InboxStore.StoredEvent> BY_SEQUENCE = Comparator
            .comparingLong((InboxStore.StoredEvent e) -> sequence(e.event()).batch())
            .thenComparingLong(e -> sequence(e.event()).position())
            .thenComparingLong(InboxStore.StoredEvent::id);

    private final List<InboxStore.StoredEvent> passThrough = new ArrayList<>();
    private final List<Released> released = new ArrayList<>();
    private final List<InboxStore.StoredEvent> waiting;
    private final List<InboxStore.StoredEvent> newlyHeld = new ArrayList<>();
    private final List<Long> skipped = new ArrayList<>();
    private final List<InboxStore.StoredEvent> late = new ArrayList<>();
    private long last;
    private long lastArrived;
    private int generation;
    private long restarts;

    private BatchOrder(SequenceState state, List<InboxStore.StoredEvent> held) {
        this.last = state.lastBatch();
        this.lastArrived = state.lastArrived();
        this.restarts = state.restarts();
        this.waiting = new ArrayList<>(held);
    }

    /**
     * @param state   where the conversation stands
     * @param held    its events already held, oldest first
     * @param pending its new events, oldest first
     * @param now     the time of the pass
     * @param timeout how long a gap may stay open
     * @return the decision
     */
    static Outcome decide(SequenceState state, List<InboxStore.StoredEvent> held,
                          List<InboxStore.StoredEvent> pending, Instant now, Duration timeout) {
        BatchOrder order = new BatchOrder(state, held);
        long before = state.lastBatch();
        for (InboxStore.StoredEvent event : pending) {
            order.accept(event);
        }
        order.releaseContiguous();
        Instant gapSince = null;
        if (!order.waiting.isEmpty()) {
            gapSince = order.last != before || state.gapSince() == null ? now : state.gapSince();
            if (!gapSince.plus(timeout).isAfter(now)) {
                order.releaseAllWaiting();
                gapSince = null;
            }
        }
        List<InboxStore.StoredEvent> release = new ArrayList<>(order.passThrough);
        order.released.stream()
                .sorted(Comparator.comparingInt(Released::generation)
                        .thenComparing(Released::event, BY_SEQUENCE))
                .forEach(r -> release.add(r.event()));
        List<InboxStore.StoredEvent> hold = order.newlyHeld.stream().filter(order.waiting::contains).toList();
        SequenceState next = new SequenceState(order.last, order.lastArrived, gapSince, state.skipped() + order.skipped.size(),
                order.restarts);
        return new Outcome(release, hold, next, List.copyOf(order.skipped), List.copyOf(order.late));
    }

    private void accept(InboxStore.StoredEvent event) {
        MessageReceived.Sequence sequence = sequence(event.event());
        if (sequence == null) {
            passThrough.add(event);
            return;
        }
        long batch = sequence.batch();
        if (last == SequenceState.NONE) {
            last = batch - 1;
        }
        boolean continuing = batch == lastArrived;
        lastArrived = batch;
        if (batch == 1 && last > 1 && !continuing) {
            releaseAllWaiting();
            generation++;
            restarts++;
            last = 0;
        }
        if (batch <= last) {
            if (batch < last && !continuing) {
                late.add(event);
            }
            released.add(new Released(generation, event));
        } else if (batch == last + 1) {
            released.add(new Released(generation, event));
            last = batch;
            releaseContiguous();
        } else {
            waiting.add(event);
            newlyHeld.add(event);
        }
    }

    private void releaseContiguous() {
        boolean progressed = true;
        while (progressed && !waiting.isEmpty()) {
            progressed = false;
            long next = last + 1;
            List<InboxStore.StoredEvent> ready = waiting.stream()
                    .filter(e -> sequence(e.event()).batch() <= next).toList();
            if (!ready.isEmpty()) {
                ready.forEach(e -> released.add(new Released(generation, e)));
                waiting.removeAll(ready);
                last = Math.max(last, next);
                progressed = true;
            }
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
            released.add(new Released(generation, event));
        }
        waiting.clear();
    }

    private static MessageReceived.Sequence sequence(Event event) {
        return event instanceof MessageReceived message ? message.sequence() : null;
    }
}
