package io.hookbot.handoff;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.handoff.*}: human mode (defaults in {@code application.yml}).
 *
 * @param sweepInterval how often hand-offs whose idle time has passed are looked for and released, so that the
 *                      release is recorded even if nobody writes again (a turn releases its own conversation's at
 *                      once, whatever this says)
 */
@ConfigurationProperties("hookbot.handoff")
public record HandOffSettings(Duration sweepInterval) {

    public HandOffSettings {
        Settings.positive("hookbot.handoff.sweep-interval", sweepInterval);
    }
}
