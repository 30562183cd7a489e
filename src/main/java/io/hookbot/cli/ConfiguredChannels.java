package io.hookbot.cli;

import io.hookbot.channel.Platforms;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The channels the server would have, read from the same configuration (application.yml, {@code -D} properties,
 * environment variables, {@code -Dmicronaut.config.files}) without starting the application: channel name to
 * platform id; and the platforms it would have, from the same configuration. A command's {@code --config FILE} adds
 * a file as {@code micronaut.config.files} would: over application.yml, under the environment and {@code -D}
 * properties.
 */
final class ConfiguredChannels {

    private static final String PREFIX = "hookbot.channels";
    /** Where Micronaut puts the files of {@code micronaut.config.files}: above application.yml, below the environment. */
    private static final int CONFIG_FILE_ORDER = AbstractPropertySourceLoader.DEFAULT_POSITION + 50;

    private ConfiguredChannels() {
    }

    /** @return the configured channels, from the default configuration */
    static Map<String, String> load() {
        return load(null);
    }

    /**
     * @param configFile a YAML configuration file to read over application.yml, or {@code null}
     * @return the configured channels
     * @throws UsageException if the file cannot be read
     */
    static Map<String, String> load(String configFile) {
        Map<String, String> channels = new TreeMap<>();
        ApplicationContextBuilder builder = ApplicationContext.builder();
        configure(builder, configFile);
        Environment environment = builder.build().getEnvironment();
        environment.start();
        try {
            for (String name : environment.getPropertyEntries(PREFIX)) {
                // as in ChannelRegistry: only entries with a platform are channels
                environment.getProperty(PREFIX + "." + name + ".platform", String.class)
                        .ifPresent(platform -> channels.put(name, platform));
            }
        } finally {
            environment.stop();
        }
        return channels;
    }

    /**
     * @param configFile a YAML configuration file to read over application.yml, or {@code null}
     * @return the platforms the server would have, made from their beans without it ({@link Platforms})
     * @throws UsageException if the file cannot be read
     */
    static Platforms platforms(String configFile) {
        return Platforms.withoutApplication(builder -> configure(builder, configFile));
    }

    /** Gives the builder the server's configuration, with the file over application.yml. */
    private static void configure(ApplicationContextBuilder builder, String configFile) {
        builder.banner(false).deduceEnvironment(false);
        if (configFile != null) {
            builder.propertySources(PropertySource.of(configFile, read(Path.of(configFile)), CONFIG_FILE_ORDER));
        }
    }

    private static Map<String, Object> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--config " + file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new YamlPropertySourceLoader().read(file.toString(), in);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--config " + file + ": not a YAML configuration file: " + e.getMessage());
        }
    }
}
