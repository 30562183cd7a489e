package io.hookbot.config;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.nio.file.Path;

/**
 * {@code hookbot.bots-dir} (default in {@code application.yml}): the folder of the rule files, and of the plugin
 * jars unless {@code hookbot.plugins.dir} says otherwise.
 *
 * @param botsDir the folder
 */
@ConfigurationProperties("hookbot")
public record BotsFolder(String botsDir) {

    public BotsFolder {
        Settings.required("hookbot.bots-dir", botsDir);
    }

    /** @return the folder as a path */
    public Path path() {
        return Path.of(botsDir);
    }
}
