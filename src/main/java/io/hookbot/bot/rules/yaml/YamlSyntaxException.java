package io.hookbot.bot.rules.yaml;

/** A text that is not well-formed YAML, or that repeats a key; says where. */
public class YamlSyntaxException extends Exception {

    private final transient Location location;

    /**
     * @param location where the reader stopped
     * @param message  what is wrong
     */
    public YamlSyntaxException(Location location, String message) {
        super(message);
        this.location = location;
    }

    /** @return where the reader stopped */
    public Location location() {
        return location;
    }
}
