package io.hookbot.bot.rules;

import java.nio.file.Path;

/** A rule file that cannot be used; the message starts with the file and says what to fix. */
public class RuleFileException extends RuntimeException {

    /**
     * @param file    the file
     * @param message what is wrong, and where in the file
     */
    public RuleFileException(Path file, String message) {
        super(file + ": " + message);
    }
}
