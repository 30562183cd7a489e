package io.hookbot.db;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.health.*}: when the health components that read the database turn DOWN (defaults in
 * {@code application.yml}; docs/operations.md).
 *
 * @param maxPendingAge  the oldest pending event may wait this long ({@code 0}: no check)
 * @param maxDueReplyAge the longest-due reply on a channel that is not paused may wait this long ({@code 0}: no check)
 * @param refresh        how often those ages are read from the database
 */
@ConfigurationProperties("hookbot.health")
public record HealthSettings(Duration maxPendingAge, Duration maxDueReplyAge, Duration refresh) {

    public HealthSettings {
        Settings.notNegative("hookbot.health.max-pending-age", maxPendingAge);
        Settings.notNegative("hookbot.health.max-due-reply-age", maxDueReplyAge);
        Settings.notNegative("hookbot.health.refresh", refresh);
    }
}
