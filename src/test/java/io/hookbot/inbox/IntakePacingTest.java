package io.hookbot.inbox;

import io.hookbot.testing.Eventually;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The intake's pacing against a real line of conversations: open while turns keep up, closed while they lag. */
class IntakePacingTest {

    private static final Duration LAG = Duration.ofMillis(100);

    private final ConversationQueue queue = new ConversationQueue();

    private IntakePacing pacing(Duration lag) {
        return new IntakePacing(queue, new InboxSettings(20_000, 1000, true, 50_000, "7d", Duration.ofMinutes(10),
                lag));
    }

    @Test
    void callsGoThroughAtOnceWhileTheLineIsShort() {
        IntakePacing pacing = pacing(LAG);
        assertTrue(pacing.admit().isDone(), "nobody in line");
        queue.wake(new ConversationRef("sms", "a"));
        assertTrue(pacing.admit().isDone(), "in line for less than the lag");
    }

    @Test
    void callsWaitWhileTheLineLagsAndGoOnOnceATurnTakesIt() throws InterruptedException {
        IntakePacing pacing = pacing(Duration.ofSeconds(30));
        IntakePacing quick = pacing(LAG);
        queue.wake(new ConversationRef("sms", "a"));
        Eventually.await("the first in line to wait longer than the lag", () -> queue.oldestWaitNanos() > LAG.toNanos());

        CompletableFuture<Void> first = quick.admit();
        CompletableFuture<Void> second = quick.admit();
        assertFalse(first.isDone(), "held while the line lags");
        assertSame(first, second, "one gate for every waiting call");
        assertTrue(pacing.admit().isDone(), "a longer lag is not reached");

        List<ConversationRef> taken = queue.next(64, Duration.ofSeconds(1));
        assertEquals(1, taken.size());
        quick.taken();
        Eventually.await("the gate to open once the line is short again", first::isDone);
        assertTrue(quick.admit().isDone());
    }

    @Test
    void theGateOpensByItselfAfterTheLagEvenIfNoTurnIsTaken() {
        IntakePacing pacing = pacing(LAG);
        queue.wake(new ConversationRef("sms", "a"));
        Eventually.await("the first in line to wait longer than the lag", () -> queue.oldestWaitNanos() > LAG.toNanos());
        CompletableFuture<Void> held = pacing.admit();
        assertFalse(held.isDone());
        Eventually.await("the held call to go on after the lag at the most", Duration.ofSeconds(5), held::isDone);
    }

    @Test
    void zeroNeverHolds() {
        IntakePacing pacing = pacing(Duration.ZERO);
        queue.wake(new ConversationRef("sms", "a"));
        Eventually.await("the first in line to wait", () -> queue.oldestWaitNanos() > LAG.toNanos());
        assertTrue(pacing.admit().isDone());
    }
}
