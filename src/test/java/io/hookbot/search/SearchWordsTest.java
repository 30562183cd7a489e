package io.hookbot.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the text search calls a word: the same split for a message and for a search. */
class SearchWordsTest {

    @Test
    void wordsAreRunsOfLettersAndDigitsInLowerCaseOnce() {
        assertEquals(List.of("where", "is", "my", "order", "12345"), SearchWords.of("Where is my ORDER #12345? my order"));
        assertEquals(List.of("hello"), SearchWords.of("HeLLo hello HELLO"));
        assertEquals(List.of(), SearchWords.of(""));
        assertEquals(List.of(), SearchWords.of(null));
        assertEquals(List.of(), SearchWords.of("  ... !!! %% __ \"\" '' "));
    }

    @Test
    void punctuationAndLikeWildcardsSeparateWordsAndAreNotWords() {
        assertEquals(List.of("50", "off", "a", "b", "c"), SearchWords.of("50% off: a_b!c"));
        assertEquals(List.of("don", "t", "say", "hi"), SearchWords.of("don't say \"hi\""));
        assertEquals(List.of("robert", "drop", "table", "students"),
                SearchWords.of("Robert'); DROP TABLE students;--"));
    }

    @Test
    void accentsCaseAndCompatibilityFormsAreFolded() {
        assertEquals(List.of("cafe", "creme", "brulee"), SearchWords.of("Café CRÈME brûlée"));
        assertEquals(SearchWords.of("cafe"), SearchWords.of("CAFÉ"));
        assertEquals(SearchWords.of("abc"), SearchWords.of("ＡＢＣ"));
        assertEquals(List.of("file"), SearchWords.of("ﬁle"));
        assertEquals(SearchWords.of("ΟΔΟΣ"), SearchWords.of("οδος"));
        assertEquals(SearchWords.of("οδοσ"), SearchWords.of("οδος"));
        assertEquals(List.of("istanbul"), SearchWords.of("İstanbul"));
        assertEquals(List.of("straße"), SearchWords.of("STRAßE"));
    }

    @Test
    void rightToLeftTextKeepsItsWordsAndMarks() {
        assertEquals(List.of("مرحبا", "بالعالم"), SearchWords.of("مرحبا بالعالم!"));
        assertEquals(List.of("שלום", "עולם"), SearchWords.of("\u200fשלום, עולם\u200f"));
        // Devanagari vowel signs are marks of the word, not separators
        assertEquals(List.of("नमस्ते"), SearchWords.of("नमस्ते"));
    }

    @Test
    void emojiAndIdeographsAreWordsOfTheirOwn() {
        assertEquals(List.of("pizza", "🍕", "ok"), SearchWords.of("pizza🍕ok"));
        assertEquals(SearchWords.of("❤"), SearchWords.of("❤️"));
        assertEquals(SearchWords.of("👍"), SearchWords.of("👍🏽"));
        assertEquals(List.of("我", "想", "订", "购"), SearchWords.of("我想订购"));
        assertEquals(List.of("東", "京", "tokyo"), SearchWords.of("東京Tokyo"));
    }

    @Test
    void longWordsAreComparedOnTheirFirstCharactersAndLongMessagesOnTheirFirstWords() {
        String word = "a".repeat(100);
        assertEquals(List.of("a".repeat(SearchWords.MAX_LENGTH)), SearchWords.of(word));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 3 * SearchWords.MAX_PER_MESSAGE; i++) {
            many.append("w").append(i).append(' ');
        }
        List<String> words = SearchWords.of(many.toString());
        assertEquals(SearchWords.MAX_PER_MESSAGE, words.size());
        assertTrue(words.contains("w0"));
    }
}
