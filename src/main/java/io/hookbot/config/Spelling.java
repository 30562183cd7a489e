package io.hookbot.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known name a misspelled one most likely means, by edit distance. */
public final class Spelling {

    private Spelling() {
    }

    /**
     * @param unknown a name that is not known
     * @param known   the names that are
     * @param allowed the most edits a guess may be away
     * @return the closest known name within that many edits, if any
     */
    public static Optional<String> closest(String unknown, Collection<String> known, int allowed) {
        return known.stream()
                .filter(candidate -> distance(unknown, candidate) <= allowed)
                .min(Comparator.comparingInt((String candidate) -> distance(unknown, candidate))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /**
     * @param a a text
     * @param b another
     * @return their Levenshtein distance: insertions, deletions and substitutions from one to the other
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
