package io.hookbot.bot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds words that every match of a regular expression must contain as whole words: {@code ^order\s+42\s+#(\d+)}
 * gives {@code order} and {@code 42}. The rule index runs a regex only when the message has one of them, so only
 * a handful of 10,000 regex rules run for a message. The scan is conservative: it reads only the top-level sequence
 * of the pattern, gives up on alternation and inline flags, stops at any construct it does not know, and keeps a
 * word only when it is plain ASCII letters and digits with a boundary on both sides ({@code ^}, {@code $},
 * {@code \b}, {@code \s}, or a literal that is not a letter or digit). Every word it returns is then a word of the
 * message as {@link Normalizer#fold} splits it, whenever the regex (compiled with {@link TextCondition.Regex#FLAGS})
 * matches.
 */
final class RegexWords {

    private RegexWords() {
    }

    /**
     * @param source a regular expression that compiles
     * @return words every match contains, lower case; empty when none can be proven
     */
    static List<String> of(String source) {
        List<String> words = new ArrayList<>();
        boolean bounded = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '|' || c == '*' || c == '+' || c == '?' || c == '{' || c == ')') {
                // alternation makes nothing before or after it required; the rest cannot occur in a valid pattern here
                return c == '|' ? List.of() : words;
            }
            if (c == '^' || c == '$') {
                bounded = true;
                i++;
            } else if (c == '(') {
                if (source.startsWith("(?", i) && !knownGroup(source, i)) {
                    return List.of();
                }
                int end = groupEnd(source, i);
                if (end < 0) {
                    return words;
                }
                i = skipQuantifier(source, end + 1);
                bounded = false;
            } else if (c == '[') {
                int end = classEnd(source, i);
                if (end < 0) {
                    return words;
                }
                i = skipQuantifier(source, end + 1);
                bounded = false;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    return words;
                }
                char e = source.charAt(i + 1);
                if (e == 'b' || e == 'A' || e == 'z' || e == 'Z') {
                    bounded = true;
                    i += 2;
                } else if (e == 's') {
                    bounded = atLeastOnce(source, i + 2);
                    i = skipQuantifier(source, i + 2);
                } else if ("dwDWSBhHvVRX".indexOf(e) >= 0) {
                    bounded = false;
                    i = skipQuantifier(source, i + 2);
                } else if (e == 'Q' || isWordish(e) || e > 127) {
                    // quoting, numeric escapes, back references, \p{…}: lengths vary; what was found so far holds
                    return words;
                } else {
                    bounded = atLeastOnce(source, i + 2);
                    i = skipQuantifier(source, i + 2);
                }
            } else if (c == '.') {
                bounded = false;
                i = skipQuantifier(source, i + 1);
            } else if (isWordish(c)) {
                int j = i;
                while (j < n && isWordish(source.charAt(j))) {
                    j++;
                }
                if (j < n && "?*+{".indexOf(source.charAt(j)) >= 0) {
                    // the quantifier applies to the last character only: the word's length is not known
                    bounded = false;
                    i = skipQuantifier(source, j);
                    continue;
                }
                String word = source.substring(i, j);
                if (bounded && boundaryAt(source, j) && isPlainAscii(word)) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
                bounded = false;
                i = j;
            } else {
                bounded = atLeastOnce(source, i + 1);
                i = skipQuantifier(source, i + 1);
            }
        }
        return words;
    }

    private static boolean boundaryAt(String source, int j) {
        if (j >= source.length()) {
            return false;
        }
        char c = source.charAt(j);
        if (c == '$') {
            return true;
        }
        if (c == '\\' && j + 1 < source.length()) {
            char e = source.charAt(j + 1);
            if (e == 'b' || e == 'z' || e == 'Z') {
                return true;
            }
            if (e == 's') {
                return atLeastOnce(source, j + 2);
            }
            return !isWordish(e) && e <= 127 && e != 'Q' && atLeastOnce(source, j + 2);
        }
        return !isWordish(c) && "().[|^*+?{}".indexOf(c) < 0 && atLeastOnce(source, j + 1);
    }

    /** Whether the atom before {@code at} must occur at least once (no {@code ?}, {@code *}, or {@code {0…}}). */
    private static boolean atLeastOnce(String source, int at) {
        if (at >= source.length()) {
            return true;
        }
        char q = source.charAt(at);
        return !(q == '?' || q == '*' || source.startsWith("{0", at) || source.startsWith("{,", at));
    }

    private static int skipQuantifier(String source, int at) {
        if (at >= source.length()) {
            return at;
        }
        char q = source.charAt(at);
        if (q == '{') {
            int close = source.indexOf('}', at);
            at = close < 0 ? source.length() : close + 1;
        } else if (q == '?' || q == '*' || q == '+') {
            at++;
        } else {
            return at;
        }
        // lazy or possessive suffix
        return at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+') ? at + 1 : at;
    }

    private static boolean knownGroup(String source, int at) {
        return source.startsWith("(?:", at) || source.startsWith("(?=", at) || source.startsWith("(?!", at)
                || source.startsWith("(?<", at);
    }

    private static int groupEnd(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(source, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int classEnd(String source, int open) {
        int i = open + 1;
        if (i < source.length() && source.charAt(i) == '^') {
            i++;
        }
        if (i < source.length() && source.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWordish(char c) {
        int type = Character.getType(c);
        return Character.isLetterOrDigit(c) || Character.isAlphabetic(c) || c == '_'
                || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.CONNECTOR_PUNCTUATION
                || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static boolean isPlainAscii(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
