package io.hookbot.inbox.journal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The dedupe key filter: never "not held" for a key the table holds or that was appended, however it got there. */
class SeenKeysTest {

    private final Object lock = new Object();
    private final OnTheirWay onTheirWay = new OnTheirWay();

    @Test
    void everyKeyIsMaybeUntilTheTableWasRead() throws Exception {
        FakeTable table = new FakeTable();
        table.held.put("sms\nold", true);
        table.gate = new CountDownLatch(1);
        SeenKeys seen = new SeenKeys(table, lock, onTheirWay);
        seen.loadIfWanted();
        assertTrue(seen.mayHold("sms", "never-stored"), "no filter yet: everything is looked up");
        table.gate.countDown();
        awaitTrue(() -> !seen.mayHold("sms", "never-stored"));
        assertTrue(seen.mayHold("sms", "old"), "a key the table held when it was read");
    }

    @Test
    void keysAppendedWhileLoadingOrOnTheirWayAreHeld() throws Exception {
        FakeTable table = new FakeTable();
        table.gate = new CountDownLatch(1);
        onTheirWay.add(List.of(event("sms", "journaled-not-inserted")));
        SeenKeys seen = new SeenKeys(table, lock, onTheirWay);
        seen.loadIfWanted();
        awaitTrue(() -> table.reading.get() > 0);
        synchronized (lock) {
            seen.add("sms", "appended-during-read");
        }
        table.gate.countDown();
        awaitTrue(() -> !seen.mayHold("sms", "never-stored"));
        assertTrue(seen.mayHold("sms", "journaled-not-inserted"));
        assertTrue(seen.mayHold("sms", "appended-during-read"));
        synchronized (lock) {
            seen.add("sms", "appended-after");
        }
        assertTrue(seen.mayHold("sms", "appended-after"));
        assertFalse(seen.mayHold("whatsapp", "appended-after"), "keys are per channel");
    }

    @Test
    void aFailedReadLeavesEveryKeyMaybe() throws Exception {
        FakeTable table = new FakeTable();
        table.fail = true;
        SeenKeys seen = new SeenKeys(table, lock, onTheirWay);
        seen.loadIfWanted();
        awaitTrue(() -> table.reading.get() > 0 && !seen.loaderRunning());
        for (int i = 0; i < 100; i++) {
            assertTrue(seen.mayHold("sms", "k" + i));
        }
        seen.loadIfWanted();
        assertFalse(seen.loaderRunning(), "a failed read is tried again a minute later, not at every webhook");
        assertEquals(1, table.reading.get());
    }

    @Test
    void noKeyAddedIsEverReportedAbsentAndFewNewOnesAreMaybe() {
        SeenKeys.Filter filter = new SeenKeys.Filter(100_000);
        for (int i = 0; i < 100_000; i++) {
            filter.add("sms-main", "key-" + i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertTrue(filter.mayHold("sms-main", "key-" + i), "key-" + i);
        }
        int maybe = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mayHold("sms-main", "other-" + i)) {
                maybe++;
            }
        }
        assertTrue(maybe < 3_000, maybe + " of 100,000 new keys reported as maybe held");
        assertFalse(filter.full());
        filter.add("sms-main", "one-more");
        assertTrue(filter.full(), "more keys than it was sized for");
    }

    @Test
    void aFullFilterAnswersMaybeUntilALargerOneIsRead() throws Exception {
        FakeTable table = new FakeTable();
        SeenKeys seen = new SeenKeys(table, lock, onTheirWay);
        seen.loadIfWanted();
        awaitTrue(() -> !seen.mayHold("sms", "never-stored"));
        assertEquals(1, table.reads.get());
        table.gate = new CountDownLatch(1);
        synchronized (lock) {
            for (long i = 0; i <= SeenKeys.MIN_CAPACITY; i++) {
                seen.add("sms", "k" + i);
            }
        }
        assertTrue(seen.mayHold("sms", "never-stored"), "past its size the filter is not trusted");
        seen.loadIfWanted();
        table.gate.countDown();
        awaitTrue(() -> table.reads.get() == 2 && !seen.mayHold("sms", "never-stored"));
    }

    private static NewEvent event(String channel, String key) {
        return new NewEvent(channel, key, "c", "message", "{}", Instant.EPOCH);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("condition not met within 10 s");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** A table of keys whose read can be held at its start. */
    private static final class FakeTable implements EventTable {
        final Map<String, Boolean> held = new ConcurrentHashMap<>();
        final AtomicInteger reading = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        volatile CountDownLatch gate;
        volatile boolean fail;

        @Override
        public long forEachKey(KeyVisitor visitor) throws Exception {
            reading.incrementAndGet();
            CountDownLatch waitFor = gate;
            if (waitFor != null) {
                waitFor.await(10, TimeUnit.SECONDS);
            }
            if (fail) {
                throw new java.sql.SQLException("database gone");
            }
            held.keySet().forEach(k -> visitor.visit(k.substring(0, k.indexOf('\n')), k.substring(k.indexOf('\n') + 1)));
            reads.incrementAndGet();
            return held.size();
        }

        @Override
        public long count() {
            return held.size();
        }

        @Override
        public boolean[] insert(List<NewEvent> events) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> existing(String channel, Set<String> dedupeKeys) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void wake(List<NewEvent> events, boolean[] inserted) {
        }

        @Override
        public boolean reachable() {
            return true;
        }
    }
}
