package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sequencer's decisions without a database: the cases the HTTP tests cannot arrange in one pass. */
class BatchOrderTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(400);
    private long ids;

    @Test
    void batchesOfOnePassComeOutInBatchThenMessageOrder() {
        BatchOrder.Outcome outcome = BatchOrder.decide(state(0, null), List.of(),
                List.of(event(3, 32), event(2, 21), event(1, 12), event(1, 11), event(3, 31)), NOW, TIMEOUT);

        assertEquals(List.of(11L, 12L, 21L, 31L, 32L), positions(outcome.release()));
        assertEquals(3, outcome.state().lastBatch());
        assertNull(outcome.state().gapSince());
    }

    @Test
    void aGapOpensWhenHeldAndKeepsItsStartWhileNothingMoves() {
        BatchOrder.Outcome first = BatchOrder.decide(state(1, null), List.of(), List.of(event(3, 31)), NOW, TIMEOUT);
        assertEquals(List.of(31L), positions(first.hold()));
        assertEquals(NOW, first.state().gapSince());

        BatchOrder.Outcome later = BatchOrder.decide(first.state(), first.hold(), List.of(event(4, 41)),
                NOW.plusSeconds(100), TIMEOUT);
        assertEquals(NOW, later.state().gapSince(), "the same gap");
        assertEquals(List.of(41L), positions(later.hold()));

        BatchOrder.Outcome due = BatchOrder.decide(later.state(), List.of(first.hold().get(0), later.hold().get(0)),
                List.of(), NOW.plus(TIMEOUT), TIMEOUT);
        assertEquals(List.of(31L, 41L), positions(due.release()));
        assertEquals(List.of(2L), due.skipped());
        assertEquals(1, due.state().skipped());
        assertEquals(4, due.state().lastBatch());
        assertNull(due.state().gapSince());
    }

    @Test
    void aRestartReleasesWhatTheOldSequenceHeldFirst() {
        InboxStore.StoredEvent heldFive = event(5, 51);
        BatchOrder.Outcome outcome = BatchOrder.decide(state(3, NOW), List.of(heldFive),
                List.of(event(1, 111), event(2, 121)), NOW.plusSeconds(10), TIMEOUT);

        assertEquals(List.of(51L, 111L, 121L), positions(outcome.release()));
        assertEquals(List.of(4L), outcome.skipped());
        assertEquals(1, outcome.state().restarts());
        assertEquals(2, outcome.state().lastBatch());
    }

    @Test
    void moreOfBatchOneInALaterPassIsNotARestart() {
        // batch 1 was longer than the dispatcher's batch size: its first part released the held 2 and 3
        SequenceState afterFirstPart = new SequenceState(3, 1, null, 0, 0);
        BatchOrder.Outcome outcome = BatchOrder.decide(afterFirstPart, List.of(), List.of(event(1, 19)), NOW, TIMEOUT);

        assertEquals(List.of(19L), positions(outcome.release()));
        assertEquals(0, outcome.state().restarts());
        assertEquals(List.of(), outcome.late());
        assertEquals(3, outcome.state().lastBatch());
    }

    @Test
    void aBatchBehindTheSequenceIsTurnedLateNotLostAndUnnumberedEventsPassThrough() {
        MessageReceived plain = new MessageReceived("c", "room", User.of("u"), "x", null, null, null, NOW, null, null);
        InboxStore.StoredEvent unnumbered = new InboxStore.StoredEvent(++ids, plain);
        BatchOrder.Outcome outcome = BatchOrder.decide(state(6, null), List.of(),
                List.of(event(4, 41), unnumbered), NOW, TIMEOUT);

        assertEquals(List.of(unnumbered.id(), unnumbered.id() + 1), outcome.release().stream().map(InboxStore.StoredEvent::id).toList());
        assertEquals(1, outcome.late().size());
        assertEquals(6, outcome.state().lastBatch());
    }

    private static SequenceState state(long last, Instant gapSince) {
        return new SequenceState(last, last, gapSince, 0, 0);
    }

    private InboxStore.StoredEvent event(long batch, long position) {
        MessageReceived message = new MessageReceived("c", "room", User.of("u"), "m" + position, null, null,
                Long.toString(position), NOW, new MessageReceived.Sequence(batch, position), null);
        return new InboxStore.StoredEvent(++ids, message);
    }

    private static List<Long> positions(List<InboxStore.StoredEvent> events) {
        return events.stream().map(e -> ((MessageReceived) e.event()).sequence().position()).toList();
    }
}
