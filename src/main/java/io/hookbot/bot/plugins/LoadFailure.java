package io.hookbot.bot.plugins;

/**
 * A plugin that could not be loaded, reported at startup.
 *
 * @param source where it came from: a jar's path, or a bean's class
 * @param reason why, in words
 */
public record LoadFailure(String source, String reason) {

    @Override
    public String toString() {
        return source + ": " + reason;
    }
}
