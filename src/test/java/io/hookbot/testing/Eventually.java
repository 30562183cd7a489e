package io.hookbot.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, polling, instead of sleeping and hoping. */
public final class Eventually {

    private Eventually() {
    }

    /**
     * @param what      what is awaited, for the failure message
     * @param timeout   the deadline
     * @param condition the condition
     * @throws AssertionError if the condition does not hold before the deadline
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    /**
     * @param what      what is awaited
     * @param condition the condition, within 10 seconds
     */
    public static void await(String what, BooleanSupplier condition) {
        await(what, Duration.ofSeconds(10), condition);
    }
}
