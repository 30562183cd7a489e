package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.Location;

/**
 * One mistake in a rule file, where it is and what to do about it.
 *
 * @param location where
 * @param message  what is wrong, in plain words
 */
public record Problem(Location location, String message) {

    /** @return {@code file:line:column: message} */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
