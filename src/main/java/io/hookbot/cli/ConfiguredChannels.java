package io.hookbot.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;

import java.util.Map;
import java.util.TreeMap;

/**
 * The channels the server would have, read from the same configuration (application.yml, {@code -D} properties,
 * environment variables) without starting the application: channel name to platform id.
 */
final class ConfiguredChannels {

    private static final String PREFIX = "hookbot.channels";

    private ConfiguredChannels() {
    }

    static Map<String, String> load() {
        Map<String, String> channels = new TreeMap<>();
        ApplicationContext context = ApplicationContext.builder().banner(false).deduceEnvironment(false).build();
        Environment environment = context.getEnvironment();
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
}
