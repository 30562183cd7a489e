package io.hookbot.bot.rules;

import java.util.Set;

/** The plugins the application has loaded, so that a rule naming another plugin is a mistake in the file. */
@FunctionalInterface
public interface PluginCatalog {

    /** @return the ids of the loaded plugins */
    Set<String> pluginIds();
}
