package io.hookbot.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the text search calls a word, the one definition both the index and the query use, so that a search finds
 * exactly what was indexed: the same function splits a message when it is indexed and the search box's text when it
 * is searched.
 *
 * <p>A word is a run of letters and digits (with their combining marks, so that Devanagari or Arabic words stay
 * whole); each Chinese, Japanese kana or other ideographic character is a word of its own (those scripts write no
 * spaces); each symbol such as an emoji is a word of its own. Everything else separates words: spaces,
 * punctuation, quotes, {@code %}, {@code _}, {@code !}. Variation selectors, joiners, direction marks and emoji skin tones are
 * dropped, so {@code ❤️} and {@code ❤} are the same word. Words are compared folded: lower case (by Unicode's rules,
 * not a locale's), accents taken off Latin, Greek and Cyrillic letters ({@code é} is {@code e}), compatibility
 * forms made plain (full-width {@code Ａ} is {@code a}, {@code ﬁ} is {@code fi}), final sigma as sigma; and on their
 * first {@value #MAX_LENGTH} characters.
 */
public final class SearchWords {

    /** Characters of a word kept; the rest of a longer word is not compared. */
    public static final int MAX_LENGTH = 40;
    /** Distinct words of one message indexed; a longer message's further words are not found. */
    public static final int MAX_PER_MESSAGE = 1_000;

    private SearchWords() {
    }

    /**
     * @param text any text, {@code null} for none
     * @return its distinct words, folded, in the order they first occur, at most {@value #MAX_PER_MESSAGE}
     */
    public static List<String> of(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        String folded = fold(text);
        Set<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        int length = 0;
        for (int i = 0; i < folded.length() && words.size() < MAX_PER_MESSAGE; ) {
            int c = folded.codePointAt(i);
            i += Character.charCount(c);
            if (ignored(c)) {
                continue;
            }
            if (standsAlone(c)) {
                length = end(word, words);
                words.add(new String(Character.toChars(c)));
            } else if (Character.isLetterOrDigit(c) || mark(c)) {
                if (length < MAX_LENGTH) {
                    word.appendCodePoint(c);
                    length++;
                }
            } else {
                length = end(word, words);
            }
        }
        if (words.size() < MAX_PER_MESSAGE) {
            end(word, words);
        }
        return new ArrayList<>(words);
    }

    private static int end(StringBuilder word, Set<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
        return 0;
    }

    /** Lower case, compatibility forms made plain, Latin/Greek/Cyrillic accents off, then composed again. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ς', 'σ');
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            // the combining diacritical marks block: the accents of Latin, Greek and Cyrillic letters
            if (c < '\u0300' || c > '\u036f') {
                out.append(c);
            }
        }
        // NFKD of a capital (Ⅻ, ㎒) may bring letters back in upper case
        return Normalizer.normalize(out, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static boolean mark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /**
     * Variation selectors, format characters (joiners, direction marks, the soft hyphen) and emoji skin tones: left
     * out without ending a word.
     */
    private static boolean ignored(int c) {
        return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF)
                || Character.getType(c) == Character.FORMAT;
    }

    private static boolean standsAlone(int c) {
        if (Character.getType(c) == Character.OTHER_SYMBOL) {
            return true;
        }
        if (!Character.isLetter(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA;
    }
}
