package io.hookbot.channel;

/**
 * What text both databases store as it is. PostgreSQL refuses the NUL character in any text column, and a lone
 * UTF-16 surrogate has no UTF-8 form (the driver would write a {@code ?} in its place), so a value with either
 * cannot be stored faithfully everywhere. Identifiers (keys, phone numbers, ids, names) must also be free of the
 * other C0 control characters: they end up in columns, in URLs and in log lines.
 */
public final class StorableText {

    private StorableText() {
    }

    /**
     * @param text a text, not {@code null}
     * @return the index of the first UTF-16 unit that cannot be stored anywhere (NUL or a lone surrogate), or -1
     */
    public static int firstUnstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param text a text, not {@code null}
     * @return the index of the first UTF-16 unit that is half of a surrogate pair without its other half, or -1:
     *         free text may hold NUL and control characters (it is stored JSON-escaped), but not that
     */
    public static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @param text an identifier, not {@code null}
     * @return the index of the first unit that has no place in an identifier (any C0 control character, DEL, or
     *         what {@link #firstUnstorable} finds), or -1
     */
    public static int firstUnfitForIdentifier(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return i;
            }
        }
        return firstUnstorable(text);
    }

    /**
     * @param text a text
     * @param at   the index {@link #firstUnstorable} or {@link #firstUnfitForIdentifier} found
     * @return the offending unit in words, for a 400's message ({@code "a NUL character (U+0000) at position 4"})
     */
    public static String describe(String text, int at) {
        char c = text.charAt(at);
        String what = c == 0 ? "a NUL character"
                : Character.isSurrogate(c) ? "an unpaired UTF-16 surrogate"
                : "a control character";
        return what + " (U+" + String.format("%04X", (int) c) + ") at position " + (at + 1);
    }
}
