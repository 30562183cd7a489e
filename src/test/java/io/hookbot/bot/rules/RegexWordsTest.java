package io.hookbot.bot.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The words a regex proves a message contains, and the patterns it must not claim anything about. */
class RegexWordsTest {

    @Test
    void wordsBetweenBoundaries() {
        assertEquals(List.of("order", "42"), RegexWords.of("^order\\s+42\\s+#(\\d+)"));
        assertEquals(List.of("refund"), RegexWords.of("\\brefund\\b"));
        assertEquals(List.of("track", "my", "parcel"), RegexWords.of("^track my parcel\\b"));
        assertEquals(List.of("order"), RegexWords.of("\\border\\s+#?(?<number>\\d{3,10})\\b"));
        assertEquals(List.of("a1"), RegexWords.of("^a1$"));
    }

    @Test
    void nothingWhenAWordMayBeLongerOrShorterOrOptional() {
        assertEquals(List.of(), RegexWords.of("order"));
        assertEquals(List.of(), RegexWords.of("^orders?\\b"));
        assertEquals(List.of(), RegexWords.of("^order\\s*42"));
        assertEquals(List.of(), RegexWords.of("^or+der\\b"));
        assertEquals(List.of(), RegexWords.of("^order_id\\b"));
        assertEquals(List.of(), RegexWords.of("^café\\b"));
        assertEquals(List.of(), RegexWords.of("^ ?order\\b"));
    }

    @Test
    void nothingForAlternationInlineFlagsOrQuoting() {
        assertEquals(List.of(), RegexWords.of("^order\\b|^refund\\b"));
        assertEquals(List.of(), RegexWords.of("(?x)^order \\b"));
        assertEquals(List.of(), RegexWords.of("\\Q^order \\E"));
        assertEquals(List.of("hi"), RegexWords.of("^hi\\b(a|b)\\x41 order\\b"));
    }
}
