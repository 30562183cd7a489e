package io.hookbot.bot.rules;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The conditions on a message's text. They fail for events that are not messages. */
final class TextCondition {

    private TextCondition() {
    }

    /**
     * Passes when the message contains any of the keywords as whole words, case and accents ignored.
     *
     * @param keywords the keywords, each folded by {@link Normalizer} (so with a space at each end)
     */
    record Keywords(List<String> keywords) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            for (String keyword : keywords) {
                if (facts.folded().contains(keyword)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String describe() {
            return "keywords " + keywords.stream().map(String::trim).toList();
        }
    }

    /**
     * Passes when the whole message is one of the phrases, case, accents, punctuation and spacing ignored.
     *
     * @param phrases the phrases, folded
     */
    record Phrase(List<String> phrases) implements Condition {
        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            return phrases.contains(facts.folded());
        }

        @Override
        public String describe() {
            return "phrase " + phrases.stream().map(String::trim).toList();
        }
    }

    /**
     * Passes when the message text matches the pattern anywhere; named groups become captures.
     *
     * @param source     the pattern as written
     * @param pattern    the compiled pattern
     * @param groupNames its named groups
     */
    record Regex(String source, Pattern pattern, List<String> groupNames) implements Condition {

        /** Case-insensitive, and Unicode-aware so that {@code \w} and {@code \b} know accented letters. */
        static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

        @Override
        public boolean test(TurnFacts facts, Map<String, String> captures) {
            String text = facts.text();
            if (text == null) {
                return false;
            }
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                return false;
            }
            for (String group : groupNames) {
                String value = matcher.group(group);
                if (value != null) {
                    captures.put(group, value);
                }
            }
            return true;
        }

        @Override
        public String describe() {
            return "regex " + source;
        }
    }
}
