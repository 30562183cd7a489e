/**
 * What every area's typed settings share: {@link io.hookbot.config.SettingException}, the one kind of startup
 * mistake that names the setting to fix, and {@link io.hookbot.config.Settings}, the checks the settings records run
 * when they are bound. Each area declares its own settings as a {@code @ConfigurationProperties} record in its own
 * package, with its defaults in {@code application.yml}; docs/configuration.md lists them all. Depends on nothing
 * else in hookbot.
 */
package io.hookbot.config;
