package io.hookbot.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.bot.TurnVerdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A turn's record: none when nothing happened, and never longer than its column, whatever the turn did. */
class TurnRecordsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTurnWhereNoRuleMatchedAndNothingChangedWritesNoRecord() {
        assertNull(TurnRecords.json(new TurnRecords.Entry(false, List.of(), Map.of("a", "1"), Map.of("a", "1"), null)));
    }

    @Test
    void aHugeStateValueIsCutAndTheRecordStaysReadable() throws Exception {
        String record = TurnRecords.json(new TurnRecords.Entry(false, List.of(), Map.of(),
                Map.of("notes", "x".repeat(90_000), "nul", "a\u0000b"), null));
        JsonNode tree = json.readTree(record);
        assertEquals(TurnVerdict.MAX_VALUE + 1, tree.get("stateSet").get("notes").asText().length());
        assertEquals("a\u0000b", tree.get("stateSet").get("nul").asText());
        assertTrue(record.indexOf('\u0000') < 0, "NUL is escaped in the stored text");
    }

    @Test
    void aRecordThatWouldOverflowItsColumnIsCutToFit() throws Exception {
        List<TurnVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            verdicts.add(new TurnVerdict(TurnVerdict.Kind.FIRED, "bot", "rule-" + i, Map.of("g", "y".repeat(150)),
                    List.of(), Map.of("reply", 1), null, null));
        }
        Map<String, String> state = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            state.put("key-" + i, "v".repeat(100));
        }
        String record = TurnRecords.json(new TurnRecords.Entry(false, verdicts, Map.of(), state, null));
        assertTrue(record.length() <= TurnRecords.MAX_LENGTH, "length " + record.length());
        JsonNode tree = json.readTree(record);
        assertTrue(tree.get("truncated").asBoolean());
        assertEquals("answered", tree.get("outcome").asText());
        assertEquals(20, tree.get("verdicts").size());
    }
}
