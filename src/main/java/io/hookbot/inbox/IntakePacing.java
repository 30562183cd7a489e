package io.hookbot.inbox;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows webhook senders down to the rate turns are taken, instead of letting acknowledged events pile up behind
 * the turns: when the conversation first in line for a turn ({@link ConversationQueue}) has waited longer than
 * {@code hookbot.inbox.max-turn-lag}, a webhook's events are stored and acknowledged once a turn worker has taken
 * the line down below it again, or after that lag at the most — never refused for it. A sender that waits for its
 * answers (every platform's retrying sender does) then sends at the rate the bot answers, and a reply comes within
 * about that lag of its webhook's acknowledgement; a burst shorter than the lag is acknowledged at once.
 *
 * <p>One gate for every waiting call: the first to find the line too long closes it, a turn worker that finds the
 * line short enough again opens it (on a pool thread, so the stores of the calls let through do not run on the
 * turn's), and it opens by itself after the lag. Only the look at the line's head is on every call's way.
 */
@Singleton
final class IntakePacing {

    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);
    private static final Logger LOG = LoggerFactory.getLogger(IntakePacing.class);
    private static final long SAY_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final ConversationQueue queue;
    private final long maxLagNanos;
    private final AtomicReference<CompletableFuture<Void>> gate = new AtomicReference<>(OPEN);
    /** When the log last said the gate closed; written by the caller that closed it. */
    private volatile long lastSaid = System.nanoTime() - SAY_EVERY_NANOS - 1;

    IntakePacing(ConversationQueue queue, InboxSettings settings) {
        this.queue = queue;
        this.maxLagNanos = settings.maxTurnLag().toNanos();
    }

    /** @return completes when a webhook's events may be stored: at once, unless the turns lag behind */
    CompletableFuture<Void> admit() {
        if (maxLagNanos == 0 || queue.oldestWaitNanos() <= maxLagNanos) {
            return OPEN;
        }
        CompletableFuture<Void> current = gate.get();
        if (!current.isDone()) {
            return current;
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        closed.completeOnTimeout(null, maxLagNanos, TimeUnit.NANOSECONDS);
        if (!gate.compareAndSet(current, closed)) {
            return gate.get();
        }
        long now = System.nanoTime();
        if (now - lastSaid > SAY_EVERY_NANOS) {
            lastSaid = now;
            LOG.info("Turns lag behind the webhooks (a conversation has waited over {} ms for its turn): "
                    + "acknowledgements wait for them (hookbot.inbox.max-turn-lag; said at most once a minute)",
                    TimeUnit.NANOSECONDS.toMillis(maxLagNanos));
        }
        return closed;
    }

    /** A turn worker took conversations off the line: opens the gate if the line is short enough again. */
    void taken() {
        CompletableFuture<Void> current = gate.get();
        if (!current.isDone() && queue.oldestWaitNanos() <= maxLagNanos) {
            ForkJoinPool.commonPool().execute(() -> current.complete(null));
        }
    }

}
