package io.hookbot.inbox;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conversations that have work, and which of them a pass holds: pure concurrency, no database. A conversation is
 * <em>active</em> from its first wake-up until a pass settles it with nothing left to do; while active it is either
 * waiting in the ready queue (at most once) or held by one pass, so two passes never hold one conversation.
 *
 * <p>Each active conversation carries a claim: a counter of the wake-ups it got. A pass notes the counter when it
 * takes the conversation; when it settles, a counter that moved means a wake-up came during the pass, and the
 * conversation is queued again rather than let go, so no wake-up is lost. A pass taken away from its thread
 * ({@link Claims#takeBack}) leaves fresh claims behind, by which the old pass, whenever it ends, knows it was given
 * up ({@link Claims#givenUp}) and touches nothing.
 */
@Singleton
final class ConversationQueue {

    /** Conversations waiting for a pass; each is here at most once, and only while it is in {@link #active}. */
    private final LinkedBlockingQueue<Ready> ready = new LinkedBlockingQueue<>();
    /** Conversations queued or held by a pass, each with its claim: a counter of wake-ups. */
    private final Map<ConversationRef, AtomicLong> active = new ConcurrentHashMap<>();

    /**
     * Says a conversation has new work: queues it unless it is queued or held already (then the claim notes the
     * wake-up). Cheap; safe from any thread.
     *
     * @param ref the conversation
     * @return whether it was queued now
     */
    boolean wake(ConversationRef ref) {
        boolean[] fresh = {false};
        active.compute(ref, (key, signals) -> {
            if (signals == null) {
                fresh[0] = true;
                return new AtomicLong();
            }
            signals.incrementAndGet();
            return signals;
        });
        if (fresh[0]) {
            ready.add(new Ready(ref, System.nanoTime()));
        }
        return fresh[0];
    }

    /**
     * Takes the conversations waiting now: waits up to {@code wait} for the first, then takes as many more as are
     * waiting, up to {@code max} in all.
     *
     * @param max  the most to take
     * @param wait how long to wait for the first
     * @return the conversations taken, oldest first; empty if none came
     * @throws InterruptedException when interrupted while waiting
     */
    List<ConversationRef> next(int max, Duration wait) throws InterruptedException {
        Ready first = ready.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Ready> drained = new ArrayList<>(max);
        drained.add(first);
        ready.drainTo(drained, max - 1);
        List<ConversationRef> taken = new ArrayList<>(drained.size());
        for (Ready conversation : drained) {
            taken.add(conversation.ref());
        }
        return taken;
    }

    /**
     * Lets conversations go whatever their claims, after a pass failed in a way nobody handled; what they had
     * stays stored, and the next poll wakes them again.
     *
     * @param refs the conversations
     */
    void forget(List<ConversationRef> refs) {
        refs.forEach(active::remove);
    }

    /**
     * Notes the claims of conversations taken from the queue, at the start of a pass.
     *
     * @param refs conversations taken by {@link #next} (or a part of them)
     * @return the pass's claims
     */
    Claims claim(List<ConversationRef> refs) {
        return new Claims(refs);
    }

    /** @return how many conversations are queued or held now */
    int active() {
        return active.size();
    }

    /** A pass's hold on its conversations, as noted when the pass began. */
    /**
     * @return how long the conversation first in line has waited for a turn, in nanoseconds; 0 when none waits.
     *         Cheap (a look at the head); what the intake's pacing asks on every webhook
     */
    long oldestWaitNanos() {
        Ready head = ready.peek();
        return head == null ? 0 : Math.max(0, System.nanoTime() - head.since());
    }

    /** A conversation in line, and since when ({@link System#nanoTime()}). */
    private record Ready(ConversationRef ref, long since) {
    }

    final class Claims {

        private final List<ConversationRef> refs;
        private final Map<ConversationRef, AtomicLong> claims = new HashMap<>();
        private final Map<ConversationRef, Long> seen = new HashMap<>();

        private Claims(List<ConversationRef> refs) {
            this.refs = List.copyOf(refs);
            for (ConversationRef ref : refs) {
                AtomicLong claim = active.get(ref);
                claims.put(ref, claim);
                seen.put(ref, claim.get());
            }
        }

        /** @return the conversations, in the order they were taken */
        List<ConversationRef> refs() {
            return refs;
        }

        /** @return whether another pass took over any of these conversations (see {@link #takeBack}) */
        boolean givenUp() {
            return claims.entrySet().stream().anyMatch(c -> active.get(c.getKey()) != c.getValue());
        }

        /**
         * After the pass committed: queues the conversation again if it has more to do or was woken during the
         * pass, otherwise lets it go.
         *
         * @param ref  the conversation
         * @param more whether the pass took a full batch of its events (more may be waiting)
         */
        void settle(ConversationRef ref, boolean more) {
            if (more) {
                ready.add(new Ready(ref, System.nanoTime()));
                return;
            }
            AtomicLong claim = claims.get(ref);
            long noted = seen.get(ref);
            boolean[] again = {false};
            active.compute(ref, (key, signals) -> {
                if (signals != claim) {
                    return signals;
                }
                again[0] = signals.get() != noted;
                return again[0] ? signals : null;
            });
            if (again[0]) {
                ready.add(new Ready(ref, System.nanoTime()));
            }
        }

        /**
         * Lets a conversation go without queueing it again (another instance holds it, or it cannot be turned
         * now); the next poll comes back to it if it has work. Does nothing if the claim was taken over.
         *
         * @param ref the conversation
         */
        void release(ConversationRef ref) {
            active.remove(ref, claims.get(ref));
        }

        /**
         * Takes the conversations away from this pass: each gets a fresh claim and goes back in the ready queue,
         * unless something else took it over already.
         */
        void takeBack() {
            for (ConversationRef ref : refs) {
                if (active.replace(ref, claims.get(ref), new AtomicLong())) {
                    ready.add(new Ready(ref, System.nanoTime()));
                }
            }
        }
    }
}
