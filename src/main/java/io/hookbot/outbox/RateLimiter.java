package io.hookbot.outbox;

/**
 * Spaces sends evenly at a fixed rate, across the threads that share it: each caller is given the next free slot
 * and waits for it. No burst allowance, so a gateway that throttles per second never sees more than the rate.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long nextSlot;

    /** @param perSecond sends per second, more than 0 */
    RateLimiter(double perSecond) {
        this.intervalNanos = (long) Math.max(1, 1_000_000_000L / perSecond);
        this.nextSlot = System.nanoTime();
    }

    /**
     * Waits for this caller's slot.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
            wait = slot - now;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
