package io.hookbot.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ConversationQueue} without a database: a conversation is queued at most once and held by one pass at a
 * time; a wake-up during a pass queues it again when the pass settles; a pass taken back leaves nothing to settle;
 * and under concurrent wake-ups and passes no conversation is ever held twice and no wake-up is lost.
 */
class ConversationQueueTest {

    private static final Duration NO_WAIT = Duration.ZERO;
    private final ConversationQueue queue = new ConversationQueue();
    private final ConversationRef a = new ConversationRef("chat", "a");
    private final ConversationRef b = new ConversationRef("chat", "b");
    private final ConversationRef c = new ConversationRef("chat", "c");

    @Test
    void aConversationIsQueuedOnceHoweverOftenItIsWoken() throws InterruptedException {
        assertTrue(queue.wake(a));
        assertFalse(queue.wake(a));
        assertTrue(queue.wake(b));
        assertFalse(queue.wake(a));
        assertEquals(List.of(a, b), queue.next(10, NO_WAIT));
        assertEquals(List.of(), queue.next(10, NO_WAIT));
    }

    @Test
    void aPassTakesAtMostItsShareInOrder() throws InterruptedException {
        queue.wake(a);
        queue.wake(b);
        queue.wake(c);
        assertEquals(List.of(a, b), queue.next(2, NO_WAIT));
        assertEquals(List.of(c), queue.next(2, NO_WAIT));
    }

    @Test
    void aSettledConversationWithoutNewWakeUpsIsLetGo() throws InterruptedException {
        queue.wake(a);
        ConversationQueue.Claims claims = queue.claim(queue.next(10, NO_WAIT));
        claims.settle(a, false);
        assertEquals(List.of(), queue.next(10, NO_WAIT));
        assertTrue(queue.wake(a), "let go: the next wake-up queues it");
    }

    @Test
    void aWakeUpDuringThePassQueuesTheConversationAgain() throws InterruptedException {
        queue.wake(a);
        ConversationQueue.Claims claims = queue.claim(queue.next(10, NO_WAIT));
        assertFalse(queue.wake(a), "held by the pass: not queued a second time");
        assertEquals(List.of(), queue.next(10, NO_WAIT));
        claims.settle(a, false);
        assertEquals(List.of(a), queue.next(10, NO_WAIT));
    }

    @Test
    void aFullBatchQueuesTheConversationAgain() throws InterruptedException {
        queue.wake(a);
        ConversationQueue.Claims claims = queue.claim(queue.next(10, NO_WAIT));
        claims.settle(a, true);
        assertEquals(List.of(a), queue.next(10, NO_WAIT));
        assertFalse(queue.wake(a), "still held: the pass that takes it again settles it");
    }

    @Test
    void aReleasedConversationWaitsForTheNextWakeUp() throws InterruptedException {
        queue.wake(a);
        ConversationQueue.Claims claims = queue.claim(queue.next(10, NO_WAIT));
        queue.wake(a);
        claims.release(a);
        assertEquals(List.of(), queue.next(10, NO_WAIT), "released, not queued, even though it was woken");
        assertTrue(queue.wake(a));
    }

    @Test
    void aPassTakenBackIsGivenUpAndItsConversationsGoToTheNextPass() throws InterruptedException {
        queue.wake(a);
        queue.wake(b);
        ConversationQueue.Claims held = queue.claim(queue.next(10, NO_WAIT));
        assertFalse(held.givenUp());
        held.takeBack();
        assertTrue(held.givenUp());
        assertEquals(List.of(a, b), queue.next(10, NO_WAIT));
        ConversationQueue.Claims next = queue.claim(List.of(a, b));
        assertFalse(next.givenUp());
        // the held pass, let go at last, changes nothing
        held.settle(a, false);
        held.release(b);
        held.takeBack();
        assertEquals(List.of(), queue.next(10, NO_WAIT));
        assertFalse(next.givenUp());
        next.settle(a, false);
        next.settle(b, false);
        assertTrue(queue.wake(a));
        assertTrue(queue.wake(b));
    }

    @Test
    void forgottenConversationsAreQueuedByTheNextWakeUp() throws InterruptedException {
        queue.wake(a);
        queue.wake(b);
        List<ConversationRef> taken = queue.next(10, NO_WAIT);
        queue.forget(taken);
        assertTrue(queue.wake(a));
        assertTrue(queue.wake(b));
    }

    @Test
    void underConcurrentWakeUpsAndPassesNoConversationIsHeldTwiceAndNoWakeUpIsLost() throws Exception {
        int conversations = 20;
        List<ConversationRef> refs = new ArrayList<>();
        Map<ConversationRef, AtomicInteger> unseen = new ConcurrentHashMap<>();
        Map<ConversationRef, AtomicBoolean> holding = new ConcurrentHashMap<>();
        for (int i = 0; i < conversations; i++) {
            ConversationRef ref = new ConversationRef("chat", "c" + i);
            refs.add(ref);
            unseen.put(ref, new AtomicInteger());
            holding.put(ref, new AtomicBoolean());
        }
        AtomicBoolean waking = new AtomicBoolean(true);
        AtomicReference<String> broken = new AtomicReference<>();
        List<Thread> wakers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            wakers.add(start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    ConversationRef ref = refs.get(ThreadLocalRandom.current().nextInt(conversations));
                    // stored first, then woken: as the inbox writer does
                    unseen.get(ref).incrementAndGet();
                    queue.wake(ref);
                }
            }));
        }
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            workers.add(start(() -> {
                try {
                    while (waking.get() || unseen.values().stream().anyMatch(n -> n.get() > 0)) {
                        List<ConversationRef> taken = queue.next(5, Duration.ofMillis(20));
                        if (taken.isEmpty()) {
                            continue;
                        }
                        ConversationQueue.Claims claims = queue.claim(taken);
                        for (ConversationRef ref : taken) {
                            if (!holding.get(ref).compareAndSet(false, true)) {
                                broken.compareAndSet(null, ref + " held by two passes");
                            }
                            unseen.get(ref).set(0);
                            holding.get(ref).set(false);
                        }
                        // the turns and the commit take a while, and wake-ups come meanwhile
                        Thread.sleep(0, 100_000);
                        taken.forEach(ref -> claims.settle(ref, false));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread waker : wakers) {
            waker.join(TimeUnit.SECONDS.toMillis(30));
        }
        waking.set(false);
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(worker.isAlive(), "a wake-up was lost: a conversation kept unseen work and nobody took it");
        }
        assertNull(broken.get());
        unseen.forEach((ref, n) -> assertEquals(0, n.get(), ref + " has work no pass saw"));
        assertEquals(List.of(), queue.next(100, NO_WAIT), "every conversation was let go");
    }

    private static Thread start(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
