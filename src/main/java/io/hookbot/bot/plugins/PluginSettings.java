package io.hookbot.bot.plugins;

import io.hookbot.config.SettingException;
import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Set;

/**
 * {@code hookbot.plugins.*}: how plugins are loaded and run (defaults in {@code application.yml}). Every other name
 * under {@code hookbot.plugins} is a plugin's id, holding that plugin's own settings.
 *
 * @param dir       where plugin jars are read from; empty or absent: {@code <bots-dir>/plugins}
 * @param timeout   the time budget of one plugin call
 * @param threads   plugin threads (thread isolation, and quarantined plugins)
 * @param isolation {@code auto}, {@code thread} or {@code inline} (docs/plugins.md)
 */
@ConfigurationProperties("hookbot.plugins")
public record PluginSettings(@Nullable String dir, Duration timeout, int threads, String isolation) {

    /** The names under {@code hookbot.plugins} that are these settings, not plugin ids. */
    public static final Set<String> NAMES = Set.of("dir", "timeout", "threads", "isolation");

    public PluginSettings {
        Settings.positive("hookbot.plugins.timeout", timeout);
        Settings.atLeast("hookbot.plugins.threads", threads, 1);
        Settings.required("hookbot.plugins.isolation", isolation);
        if (!Set.of("auto", "thread", "inline").contains(isolation)) {
            throw new SettingException("hookbot.plugins.isolation is auto, thread or inline, not '" + isolation + "'");
        }
    }
}
