package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.BatchMark;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The inbox's stored forms: a batch mark in its own form and in the form of the version before it. */
class EventCodecTest {

    private static final BatchMark MARK = new BatchMark("room-42", "room:4520", 2);

    @Test
    void aBatchMarkIsStoredAsItselfAndReadBackAsAMarkNotAnEvent() {
        String payload = EventCodec.encode(MARK);

        assertEquals("{\"channel\":\"room-42\",\"conversation\":\"room:4520\",\"batch\":2}", payload);
        assertEquals(new StoredRow.Mark(7, MARK), EventCodec.decodeRow(7, EventCodec.BATCH_MARKER, payload));
    }

    @Test
    void aMarkerOfThePreviousVersionIsReadBackAsTheSameMark() {
        assertEquals(new StoredRow.Mark(7, MARK),
                EventCodec.decodeRow(7, "batch", BatchMarkUpgradeTests.oldMarker(2)));
    }

    @Test
    void everyMessageIsAMessageRowWhateverItsSequence() {
        MessageReceived message = new MessageReceived("room-42", "room:4520", User.of("a"), "hi", null, null, "31",
                Instant.ofEpochSecond(1), new MessageReceived.Sequence(3, 31), null);

        assertEquals("message", EventCodec.typeOf(message));
        StoredRow row = EventCodec.decodeRow(8, EventCodec.typeOf(message), EventCodec.encode(message));
        assertEquals(message, assertInstanceOf(InboxStore.StoredEvent.class, row).event());
    }
}
