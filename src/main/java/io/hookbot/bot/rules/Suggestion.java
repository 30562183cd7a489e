package io.hookbot.bot.rules;

import java.util.Collection;
import java.util.Comparator;
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
        return known.stream().min(Comparator.comparingInt((String k) -> distance(k, written)).thenComparing(k -> k))
                .filter(nearest -> distance(nearest, written) <= MAX_DISTANCE);
    }

    /** The Levenshtein distance: how many letters to add, remove or change to make one word the other. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
