package io.hookbot.bot.rules;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.rules.*} (defaults in {@code application.yml}).
 *
 * @param reloadInterval how often the rule folder is looked at for changed files
 */
@ConfigurationProperties("hookbot.rules")
public record RuleSettings(Duration reloadInterval) {

    public RuleSettings {
        Settings.positive("hookbot.rules.reload-interval", reloadInterval);
    }
}
