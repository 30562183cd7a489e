package io.hookbot.ui;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.ui.*}, the dashboard's settings (defaults in {@code application.yml}; docs/configuration.md).
 *
 * @param sessionLifetime how long a sign-in lasts, from the sign-in (not renewed by use)
 * @param secureCookie    whether the session cookie carries {@code Secure}, so that a browser sends it over HTTPS
 *                        only; set it when hookbot is reached through HTTPS
 */
@ConfigurationProperties("hookbot.ui")
public record UiSettings(Duration sessionLifetime, boolean secureCookie) {

    public UiSettings {
        Settings.positive("hookbot.ui.session-lifetime", sessionLifetime);
    }
}
