package io.hookbot.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void theDelayDoublesWithJitterInItsUpperHalfUpToTheCap() {
        long[][] bounds = {{500, 1000}, {1000, 2000}, {2000, 4000}, {4000, 8000}, {5000, 10000}, {5000, 10000}};
        for (int attempts = 1; attempts <= bounds.length; attempts++) {
            for (int i = 0; i < 200; i++) {
                long ms = policy.delay(attempts, null).toMillis();
                long[] range = bounds[attempts - 1];
                assertTrue(ms >= range[0] && ms <= range[1], "attempt " + attempts + ": " + ms);
            }
        }
    }

    @Test
    void retryAfterWinsWhenLongerThanTheBackoff() {
        assertEquals(Duration.ofSeconds(30), policy.delay(1, Duration.ofSeconds(30)));
        assertTrue(policy.delay(1, Duration.ZERO).toMillis() >= 500);
    }

    @Test
    void attemptsAreCappedAndBadSettingsStopTheStartup() {
        assertTrue(policy.mayRetry(4));
        assertFalse(policy.mayRetry(5));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }
}
