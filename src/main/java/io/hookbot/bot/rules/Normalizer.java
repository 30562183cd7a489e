package io.hookbot.bot.rules;

import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds text for keyword matching: accents removed, case folded, every run of characters that are not letters or
 * digits one space, with a space at each end, so that a keyword matches at word boundaries by a plain
 * {@code contains}. Case is folded as lower(upper(c)), the way case-insensitive regular expressions compare, so
 * that a word a regex matches is always a word of the folded text (the rule index relies on it).
 */
final class Normalizer {

    private Normalizer() {
    }

    static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text, Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 2).append(' ');
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(Character.toUpperCase(c)));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString();
    }

    /**
     * @param folded a text folded by {@link #fold}
     * @return its words, in order, repeats included
     */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        int start = 1;
        for (int i = 1; i < folded.length(); i++) {
            if (folded.charAt(i) == ' ') {
                if (i > start) {
                    words.add(folded.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }
}
