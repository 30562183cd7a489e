package io.hookbot.bot.schedule;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.schedules.*}: schedule rules (defaults in {@code application.yml}).
 *
 * @param enabled      whether this instance fires due schedules (several instances may: each slot fires once)
 * @param pollInterval how often due slots are looked for
 */
@ConfigurationProperties("hookbot.schedules")
public record ScheduleSettings(boolean enabled, Duration pollInterval) {

    public ScheduleSettings {
        Settings.positive("hookbot.schedules.poll-interval", pollInterval);
    }
}
