package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The digests behind stored dedupe keys. The expected values were computed outside Java (Python's hashlib) with the
 * same rules: if one of these changes, redeliveries after an upgrade would be stored a second time.
 */
class DigestsTest {

    @Test
    void aStringHashesToTheSha256OfItsUtf8Bytes() {
        assertEquals("9464234e7422de425d70eff2e5c678db1b7d661d14ed0187519c137c71709cf9",
                Digests.sha256Hex("+1\nhi\n2020"));
    }

    @Test
    void fieldsAreLengthPrefixedSoThatTheirBoundariesCount() {
        assertEquals("430fb1b4ac43316eca81fab27a1930ab8eff8fef6a1dc7903dce44bbc2790dc5",
                Digests.sha256HexOfFields("ab", "c"));
        assertEquals("5310a58788781ab25d5ad7c3f85035824b4eb7bdfa394e0ac2186271472b5492",
                Digests.sha256HexOfFields("a", "bc"));
        assertNotEquals(Digests.sha256HexOfFields("ab", "c"), Digests.sha256HexOfFields("a", "bc"));
    }

    @Test
    void lengthsAreCountedInUtf8BytesNotCharacters() {
        assertEquals("fa7b0559bfa0891d2c71ddef144a9bf7694eb8cc33e82cf5bff51aab02720fc2",
                Digests.sha256HexOfFields("message", "support-lobby", "ü", "1602511595", "héllo"));
    }

    @Test
    void aTimeOrderedKeyStartsWithTheEventsSecondsSoKeysSortByTime() {
        assertEquals("message:001602511595:fa7b0559bfa0891d2c71ddef144a9bf7",
                Digests.timeOrderedKey("message", 1602511595L, "message", "support-lobby", "ü", "1602511595", "héllo"));
        assertTrue(Digests.timeOrderedKey("m", 999_999_999L, "a").compareTo(Digests.timeOrderedKey("m", 1_000_000_000L, "a")) < 0,
                "a shorter number of seconds is padded, so the order is the time's");
        assertEquals("m:000000000000:", Digests.timeOrderedKey("m", -5, "a").substring(0, 15));
    }
}
