package io.hookbot.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indexer's cursor: ids that commit out of order are looked for again, for a while, and never passed over. */
class IdCursorTest {

    private static final long PATIENCE = 1_000;

    @Test
    void withoutGapsTheCursorIsTheHighestIdRead() {
        IdCursor cursor = new IdCursor(10, PATIENCE);
        cursor.read(List.of(11L, 12L, 13L), 0);
        assertEquals(13, cursor.through());
        assertEquals(13, cursor.highest());
        assertTrue(cursor.gaps().isEmpty());
    }

    @Test
    void aGapHoldsTheCursorBelowItUntilFoundOrGivenUp() {
        IdCursor cursor = new IdCursor(0, PATIENCE);
        cursor.read(List.of(1L, 2L, 5L, 6L, 9L), 100);
        assertEquals(2, cursor.through());
        assertEquals(9, cursor.highest());
        assertEquals(List.of("3-4", "7-8"), text(cursor.gaps()));

        cursor.found(4);
        assertEquals(List.of("3-3", "7-8"), text(cursor.gaps()));
        cursor.found(3);
        assertEquals(6, cursor.through());
        cursor.found(8);
        assertEquals(List.of("7-7"), text(cursor.gaps()));
        assertEquals(6, cursor.through());

        assertEquals(0, cursor.expire(100 + PATIENCE), "not yet");
        assertEquals(1, cursor.expire(101 + PATIENCE));
        assertEquals(9, cursor.through());
    }

    @Test
    void anIdFoundInTheMiddleOfAGapSplitsIt() {
        IdCursor cursor = new IdCursor(0, PATIENCE);
        cursor.read(List.of(10L), 0);
        cursor.found(5);
        cursor.found(42);  // not in a gap: nothing
        assertEquals(List.of("1-4", "6-9"), text(cursor.gaps()));
        assertEquals(0, cursor.through());
    }

    @Test
    void aGapSeenLaterIsGivenUpLater() {
        IdCursor cursor = new IdCursor(0, PATIENCE);
        cursor.read(List.of(2L), 0);
        cursor.read(List.of(4L), 500);
        assertEquals(1, cursor.expire(PATIENCE + 1));
        assertEquals(List.of("3-3"), text(cursor.gaps()));
        assertEquals(2, cursor.through());
    }

    @Test
    void atMostSoManyGapsAreLookedForPerRound() {
        IdCursor cursor = new IdCursor(0, PATIENCE);
        for (long id = 2; id < 2 * (IdCursor.MAX_GAPS_READ + 10); id += 2) {
            cursor.read(List.of(id), 0);
        }
        assertEquals(IdCursor.MAX_GAPS_READ, cursor.gaps().size());
        assertEquals(1, cursor.gaps().get(0)[0], "the oldest first");
    }

    private static List<String> text(List<long[]> gaps) {
        return gaps.stream().map(g -> g[0] + "-" + g[1]).toList();
    }
}
