package io.hookbot.bot.rules;

import io.hookbot.config.Spelling;

import java.util.Collection;
import java.util.Optional;

/**
 * The "did you mean" of an error message: among the words that would have been understood, the one nearest to a
 * word that was not, if it is near enough to be a typo (at most two letters added, removed or changed).
 */
public final class Suggestion {

    private static final int MAX_DISTANCE = 2;

    private Suggestion() {
    }

    /**
     * @param written the word that was not understood
     * @param known   the words that would have been
     * @return the nearest known word, if it is within two edits of the written one
     */
    public static Optional<String> nearest(String written, Collection<String> known) {
        return Spelling.closest(written, known, MAX_DISTANCE);
    }
}
