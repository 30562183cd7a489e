package io.hookbot.outbox;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.outbox.*}: how long sent replies are kept (defaults in {@code application.yml}).
 *
 * @param retention     sent replies older than this are deleted with their attempts: a duration or {@code off}
 * @param purgeInterval how often
 */
@ConfigurationProperties("hookbot.outbox")
public record OutboxSettings(String retention, Duration purgeInterval) {

    public OutboxSettings {
        Settings.required("hookbot.outbox.retention", retention);
        Settings.positive("hookbot.outbox.purge-interval", purgeInterval);
    }
}
