package io.hookbot.bot.plugins;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Set;

/**
 * {@code hookbot.plugins.*}: how plugins are loaded and run (defaults in {@code application.yml}). Every other name
 * under {@code hookbot.plugins} is a plugin's id, holding that plugin's own settings.
 *
 * @param dir     where plugin jars are read from; empty or absent: {@code <bots-dir>/plugins}
 * @param timeout the time budget of one plugin call
 * @param threads plugin threads, for the plugins quarantined after overrunning on a turn's thread
 */
@ConfigurationProperties("hookbot.plugins")
public record PluginSettings(@Nullable String dir, Duration timeout, int threads) {

    /**
     * The names under {@code hookbot.plugins} that are not plugin ids: these settings, and {@code isolation}, a
     * setting there was (refused at the start), so that {@code hookbot.plugins.isolation} never reads as a plugin's.
     */
    public static final Set<String> NAMES = Set.of("dir", "timeout", "threads", "isolation");

    public PluginSettings {
        Settings.positive("hookbot.plugins.timeout", timeout);
        Settings.atLeast("hookbot.plugins.threads", threads, 1);
    }
}
