package io.hookbot.bot.plugins;

import io.hookbot.api.BotPlugin;
import io.hookbot.bot.rules.PluginCatalog;
import io.hookbot.config.BotsFolder;
import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.inject.BeanDefinition;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plugins in force, loaded once at startup: Micronaut beans of type {@link BotPlugin} on the class path, then the
 * jars in {@code hookbot.plugins.dir} (default {@code <bots-dir>/plugins}). A plugin that fails to load, has a bad
 * or taken id, is logged with the reason and left out; the others, and the bot, run.
 */
@Singleton
public class PluginRegistry implements PluginCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** Names under {@code hookbot.plugins} that are settings of hookbot itself, not plugin ids. */
    private static final Set<String> RESERVED = PluginSettings.NAMES;

    private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
    private final List<LoadFailure> failures = new ArrayList<>();
    private final Path directory;

    public PluginRegistry(BeanContext beans, Environment environment,
                          BotsFolder bots, PluginSettings settings) {
        String pluginsDir = settings.dir();
        this.directory = pluginsDir == null || pluginsDir.isBlank() ? bots.path().resolve("plugins")
                : Path.of(pluginsDir);
        for (BeanDefinition<BotPlugin> definition : beans.getBeanDefinitions(BotPlugin.class)) {
            try {
                add(beans.getBean(definition), "class path", environment);
            } catch (RuntimeException | LinkageError e) {
                failures.add(new LoadFailure(definition.getBeanType().getName(), PluginJars.reason(e)));
            }
        }
        PluginJars.Result jars = PluginJars.load(directory, getClass().getClassLoader());
        failures.addAll(jars.failures());
        jars.plugins().forEach(found -> add(found.plugin(), found.jar().toString(), environment));
        plugins.values().forEach(p -> LOG.info("Plugin {} loaded from {}: {}", p.id(), p.source(),
                p.plugin().description()));
        failures.forEach(f -> LOG.error("Plugin not loaded, the bot runs without it: {}", f));
    }

    private void add(BotPlugin plugin, String source, Environment environment) {
        String id;
        try {
            id = plugin.id();
        } catch (RuntimeException | LinkageError e) {
            failures.add(new LoadFailure(source, plugin.getClass().getName() + ".id() threw " + e));
            return;
        }
        String where = plugin.getClass().getName() + " from " + source;
        if (id == null || !ID.matcher(id).matches()) {
            failures.add(new LoadFailure(source, plugin.getClass().getName() + " has the id '" + id
                    + "'; an id is lower-case letters, digits and dashes"));
        } else if (RESERVED.contains(id)) {
            failures.add(new LoadFailure(source, plugin.getClass().getName() + " has the id '" + id
                    + "', which is reserved for hookbot.plugins." + id));
        } else if (plugins.containsKey(id)) {
            LoadedPlugin first = plugins.get(id);
            failures.add(new LoadFailure(source, where + " has the id '" + id + "', already used by "
                    + first.plugin().getClass().getName() + " from " + first.source()));
        } else {
            plugins.put(id, new LoadedPlugin(plugin, source, settings(environment, id)));
        }
    }

    private static Map<String, String> settings(Environment environment, String id) {
        Map<String, String> settings = new LinkedHashMap<>();
        environment.getProperties("hookbot.plugins." + id, StringConvention.RAW)
                .forEach((name, value) -> {
                    if (value != null) {
                        settings.put(name, String.valueOf(value));
                    }
                });
        return settings;
    }

    @Override
    public Set<String> pluginIds() {
        return Collections.unmodifiableSet(plugins.keySet());
    }

    /**
     * @param id a plugin id
     * @return the plugin, or {@code null} if none has that id
     */
    public LoadedPlugin find(String id) {
        return plugins.get(id);
    }

    /** @return the plugins in force, in load order */
    public List<LoadedPlugin> plugins() {
        return List.copyOf(plugins.values());
    }

    /** @return the plugins that failed to load, and why */
    public List<LoadFailure> failures() {
        return List.copyOf(failures);
    }
}
