package io.hookbot.outbox;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed send again: exponential backoff from {@code hookbot.delivery.backoff} up to
 * {@code hookbot.delivery.max-backoff}, with full jitter in the upper half so retries of many rows spread out,
 * never sooner than a platform's {@code Retry-After}; no more than {@code hookbot.delivery.max-attempts} attempts.
 * With the defaults (8 attempts, 1s, 10m) a row is retried after about 1, 2, 4, 8, 16, 32 and 64 seconds (each
 * between half and all of that) and dead-lettered some four minutes after its first attempt.
 */
@Singleton
public class RetryPolicy {

    private final int maxAttempts;
    private final Duration backoff;
    private final Duration maxBackoff;

    /** @param settings the delivery settings, which hold the retry schedule */
    @Inject
    public RetryPolicy(DeliverySettings settings) {
        this(settings.maxAttempts(), settings.backoff(), settings.maxBackoff());
    }

    /**
     * @param maxAttempts attempts of one reply before it is dead-lettered
     * @param backoff     the first retry's delay
     * @param maxBackoff  the longest delay
     */
    public RetryPolicy(int maxAttempts, Duration backoff, Duration maxBackoff) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("hookbot.delivery.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (backoff.isNegative() || backoff.isZero() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("hookbot.delivery.backoff must be positive and no more than"
                    + " hookbot.delivery.max-backoff (" + backoff + " > " + maxBackoff + ")");
        }
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    /**
     * @param attempts attempts made so far, including the one that just failed
     * @return whether another attempt is allowed
     */
    public boolean mayRetry(int attempts) {
        return attempts < maxAttempts;
    }

    /**
     * @param attempts   attempts made so far, including the one that just failed
     * @param retryAfter what the platform asked for, or {@code null}
     * @return how long to wait before the next attempt
     */
    public Duration delay(int attempts, Duration retryAfter) {
        long base = backoff.toMillis() << Math.min(attempts - 1, 30);
        long capped = Math.min(base, maxBackoff.toMillis());
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        Duration delay = Duration.ofMillis(jittered);
        return retryAfter != null && retryAfter.compareTo(delay) > 0 ? retryAfter : delay;
    }
}
