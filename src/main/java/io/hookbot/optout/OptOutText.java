package io.hookbot.optout;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a whole message is compared with the opt-out keywords, the way carriers do: trimmed, accents removed, case
 * folded, runs of white space one space. Nothing else: "please stop" is not {@code STOP}, and neither is
 * {@code STOP!}; a channel that wants those lists them.
 */
final class OptOutText {

    private OptOutText() {
    }

    /**
     * @param text a message's text or a configured keyword
     * @return its folded form
     */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && !out.isEmpty()) {
                out.append(' ');
            }
            space = false;
            out.append(Character.toLowerCase(Character.toUpperCase(c)));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
