package io.hookbot.channel;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The acknowledgement written by hand is the one Jackson wrote before, byte for byte. */
class StoreOutcomeTest {

    @Test
    void itsJsonIsWhatJacksonWritesOfTheRecord() throws Exception {
        ObjectMapper jackson = new ObjectMapper();
        for (StoreOutcome outcome : new StoreOutcome[] {new StoreOutcome(1, 0), new StoreOutcome(0, 1),
                new StoreOutcome(200, 13), new StoreOutcome(Integer.MAX_VALUE, 0)}) {
            assertEquals(jackson.writeValueAsString(outcome), outcome.json());
        }
    }
}
