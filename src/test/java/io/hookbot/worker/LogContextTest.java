package io.hookbot.worker;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log fields of a scope are the thread's while it lasts, and gone after it, whatever was nested in it. */
class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aTurnInsideItsConversationAndNothingLeftAfter() {
        try (LogContext conversation = LogContext.conversation("sms-main", 7)) {
            for (long turn : new long[] {41, 42}) {
                try (LogContext scope = LogContext.turn(turn)) {
                    assertEquals(Map.of("channel", "sms-main", "conversation", "7", "turn", Long.toString(turn)),
                            fields());
                }
                assertEquals(Map.of("channel", "sms-main", "conversation", "7"), fields(), "the turn's id is gone");
            }
        }
        assertTrue(fields().isEmpty(), "nothing left on the thread: " + fields());
    }

    @Test
    void aScopePutsBackWhatTheThreadHadBeforeEvenAfterAThrow() {
        MDC.put("channel", "outer");
        MDC.put("turn", "1");
        try (LogContext scope = LogContext.reply("sms-main", null, 9)) {
            assertEquals(Map.of("channel", "sms-main", "reply", "9"), fields(), "a send has no turn");
            throw new IllegalStateException("a sender's bug");
        } catch (IllegalStateException expected) {
            // the scope closed on the way out
        }
        assertEquals(Map.of("channel", "outer", "turn", "1"), fields());
    }

    @Test
    void theFieldsGoToAnotherThreadAndOnlyForTheScope() throws Exception {
        LogContext.Fields fields;
        try (LogContext conversation = LogContext.conversation("sms-main", 3); LogContext turn = LogContext.turn(5)) {
            fields = LogContext.capture();
        }
        assertNull(MDC.get("turn"));
        Map<String, String> there = CompletableFuture.supplyAsync(() -> {
            try (LogContext scope = LogContext.of(fields)) {
                return fields();
            }
        }).get();
        assertEquals(Map.of("channel", "sms-main", "conversation", "3", "turn", "5"), there);
        assertEquals(Map.of(), CompletableFuture.supplyAsync(LogContextTest::fields).get(),
                "nothing left on the pool's thread");
    }

    private static Map<String, String> fields() {
        Map<String, String> fields = MDC.getCopyOfContextMap();
        return fields == null ? Map.of() : new HashMap<>(fields);
    }
}
