package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.BatchMark;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The sequencer's decisions without a database, one example per rule; {@link SequencerPropertyTest} checks them
 * all against the model over generated deliveries.
 */
class BatchOrderTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(400);
    private long ids;

    @Test
    void callsOfOnePassComeOutInNumberOrderAndTheirMarkersAreReleasedToBeConsumed() {
        List<StoredRow> pending = calls(call(1, 11, 12), call(3, 31, 32), call(2, 21));
        BatchOrder.Outcome outcome = BatchOrder.decide(SequenceState.initial(), List.of(), pending, NOW, TIMEOUT);

        assertEquals(List.of(11L, 12L, 21L, 31L, 32L), positions(outcome.release()));
        assertEquals(8, outcome.release().size(), "three markers too");
        assertEquals(3, outcome.state().lastBatch());
        assertNull(outcome.state().gapSince());
    }

    @Test
    void aGapOpensWhenHeldAndKeepsItsStartWhileNothingMoves() {
        BatchOrder.Outcome first = BatchOrder.decide(state(1, null), List.of(), call(3, 31), NOW, TIMEOUT);
        assertEquals(List.of(31L), positions(first.hold()));
        assertEquals(NOW, first.state().gapSince());

        BatchOrder.Outcome later = BatchOrder.decide(first.state(), first.hold(), call(4, 41),
                NOW.plusSeconds(100), TIMEOUT);
        assertEquals(NOW, later.state().gapSince(), "the same gap");
        assertEquals(List.of(41L), positions(later.hold()));

        List<StoredRow> held = new ArrayList<>(first.hold());
        held.addAll(later.hold());
        BatchOrder.Outcome due = BatchOrder.decide(later.state(), held, List.of(), NOW.plus(TIMEOUT), TIMEOUT);
        assertEquals(List.of(31L, 41L), positions(due.release()));
        assertEquals(List.of(2L), due.skipped());
        assertEquals(1, due.state().skipped());
        assertEquals(4, due.state().lastBatch());
        assertNull(due.state().gapSince());
    }

    @Test
    void aRestartReleasesWhatTheOldSequenceHeldFirst() {
        List<StoredRow> heldFive = call(5, 51);
        BatchOrder.Outcome outcome = BatchOrder.decide(state(3, NOW), heldFive,
                calls(call(1, 111), call(2, 121)), NOW.plusSeconds(10), TIMEOUT);

        assertEquals(List.of(51L, 111L, 121L), positions(outcome.release()));
        assertEquals(List.of(4L), outcome.skipped());
        assertEquals(1, outcome.state().restarts());
        assertEquals(2, outcome.state().lastBatch());
    }

    @Test
    void aRestartAfterOnlyBatchOneIsStillARestart() {
        BatchOrder.Outcome outcome = BatchOrder.decide(state(1, NOW), call(3, 603),
                call(1, 651), NOW.plusSeconds(10), TIMEOUT);

        assertEquals(List.of(603L, 651L), positions(outcome.release()));
        assertEquals(List.of(2L), outcome.skipped());
        assertEquals(1, outcome.state().restarts());
        assertEquals(1, outcome.state().lastBatch());
        assertNull(outcome.state().gapSince());
    }

    @Test
    void aCallOfRepeatsOnlyIsItsMarkerAloneAndStillTakesItsNumber() {
        BatchOrder.Outcome outcome = BatchOrder.decide(state(1, null), List.of(),
                calls(call(2), call(3, 93)), NOW, TIMEOUT);

        assertEquals(List.of(93L), positions(outcome.release()));
        assertEquals(List.of(), outcome.hold());
        assertEquals(3, outcome.state().lastBatch());
    }

    @Test
    void aHeldCallIsReleasedAfterTheWholeCallThatFillsTheGapNotInsideIt() {
        BatchOrder.Outcome outcome = BatchOrder.decide(state(1, NOW), call(3, 31),
                call(2, 21, 22, 23), NOW, TIMEOUT);

        assertEquals(List.of(21L, 22L, 23L, 31L), positions(outcome.release()));
    }

    @Test
    void messagesWithoutAMarkerStoredByAnEarlierVersionArePlacedByNumberAndNeverRestart() {
        BatchOrder.Outcome outcome = BatchOrder.decide(state(3, null), List.of(),
                List.of(message(1, 19), message(4, 41)), NOW, TIMEOUT);

        assertEquals(List.of(19L, 41L), positions(outcome.release()));
        assertEquals(0, outcome.state().restarts());
        assertEquals(1, outcome.late().size());
        assertEquals(4, outcome.state().lastBatch());
    }

    @Test
    void aCallBehindTheSequenceIsTurnedAtOnceNotLostAndUnnumberedEventsPassThroughInOrder() {
        MessageReceived plain = new MessageReceived("c", "room", User.of("u"), "x", null, null, null, NOW, null, null);
        InboxStore.StoredEvent unnumbered = new InboxStore.StoredEvent(++ids, plain);
        List<StoredRow> pending = new ArrayList<>(call(4, 41));
        pending.add(unnumbered);
        BatchOrder.Outcome outcome = BatchOrder.decide(state(6, null), List.of(), pending, NOW, TIMEOUT);

        assertEquals(pending, outcome.release());
        assertEquals(1, outcome.late().size(), "the message, not its marker");
        assertEquals(6, outcome.state().lastBatch());
    }

    private static SequenceState state(long last, Instant gapSince) {
        return new SequenceState(last, last, gapSince, 0, 0);
    }

    /** A call as the inbox stores it: its marker, then its messages. */
    private List<StoredRow> call(long batch, long... positions) {
        List<StoredRow> events = new ArrayList<>();
        events.add(new StoredRow.Mark(++ids, new BatchMark("c", "room", batch)));
        for (long position : positions) {
            events.add(message(batch, position));
        }
        return events;
    }

    @SafeVarargs
    private static List<StoredRow> calls(List<StoredRow>... calls) {
        List<StoredRow> all = new ArrayList<>();
        for (List<StoredRow> call : calls) {
            all.addAll(call);
        }
        return all;
    }

    private InboxStore.StoredEvent message(long batch, long position) {
        MessageReceived message = new MessageReceived("c", "room", User.of("u"), "m" + position, null, null,
                Long.toString(position), NOW, new MessageReceived.Sequence(batch, position), null);
        return new InboxStore.StoredEvent(++ids, message);
    }

    /** @return the messages' positions, markers left out */
    private static List<Long> positions(List<StoredRow> events) {
        return events.stream().filter(e -> !(e instanceof StoredRow.Mark))
                .map(e -> ((MessageReceived) ((InboxStore.StoredEvent) e).event()).sequence())
                .map(MessageReceived.Sequence::position).toList();
    }
}
