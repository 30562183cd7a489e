package io.hookbot.outbox;

import io.hookbot.config.SettingException;
import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.delivery.*}: how replies are sent and retried (defaults in {@code application.yml}).
 *
 * @param enabled      whether this instance sends at all (off: replies wait in the outbox)
 * @param concurrency  replies sent in parallel
 * @param pollInterval how often due replies are looked for (wake-ups come first)
 * @param lease        how long a claimed reply is this instance's before another may take it
 * @param maxAttempts  attempts of one reply before it is dead-lettered
 * @param backoff      the first retry's delay, doubling with jitter
 * @param maxBackoff   the longest delay between retries
 */
@ConfigurationProperties("hookbot.delivery")
public record DeliverySettings(boolean enabled, int concurrency, Duration pollInterval, Duration lease,
                               int maxAttempts, Duration backoff, Duration maxBackoff) {

    public DeliverySettings {
        Settings.atLeast("hookbot.delivery.concurrency", concurrency, 1);
        Settings.positive("hookbot.delivery.poll-interval", pollInterval);
        Settings.positive("hookbot.delivery.lease", lease);
        Settings.atLeast("hookbot.delivery.max-attempts", maxAttempts, 1);
        Settings.positive("hookbot.delivery.backoff", backoff);
        Settings.positive("hookbot.delivery.max-backoff", maxBackoff);
        if (maxBackoff.compareTo(backoff) < 0) {
            throw new SettingException("hookbot.delivery.backoff must be positive and no more than"
                    + " hookbot.delivery.max-backoff (" + backoff + " > " + maxBackoff + ")");
        }
    }
}
