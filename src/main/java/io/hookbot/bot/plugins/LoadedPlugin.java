package io.hookbot.bot.plugins;

import io.hookbot.api.BotPlugin;

import java.util.Map;

/**
 * A plugin ready to be called.
 *
 * @param plugin   the plugin
 * @param source   where it came from: {@code class path} or a jar's path
 * @param settings its {@code hookbot.plugins.<id>.*} settings, by name
 */
public record LoadedPlugin(BotPlugin plugin, String source, Map<String, String> settings) {

    public LoadedPlugin {
        settings = Map.copyOf(settings);
    }

    /** @return the plugin's id */
    public String id() {
        return plugin.id();
    }
}
