package io.hookbot.bot.rules;

import java.text.Normalizer.Form;
import java.util.Locale;

/**
 * Folds text for keyword matching: accents removed, lower case, every run of non-letters and non-digits one space,
 * with a space at each end, so that a keyword matches at word boundaries by a plain {@code contains}.
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
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
