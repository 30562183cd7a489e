package io.hookbot.bot.rules;

import io.hookbot.api.MessageReceived;
import io.hookbot.bot.Turn;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A test a rule makes of a turn. Conditions that capture text put it in the captures map. */
sealed interface Condition {

    /**
     * @param turn     the turn
     * @param folded   the message text folded by {@link Normalizer}, or {@code ""} for other events
     * @param captures where named captures go
     * @return whether the turn passes
     */
    boolean test(Turn turn, String folded, Map<String, String> captures);

    /** Passes every turn. */
    record Always() implements Condition {
        @Override
        public boolean test(Turn turn, String folded, Map<String, String> captures) {
            return true;
        }
    }

    /**
     * Passes when the message contains any of the keywords as whole words (case and accents ignored).
     *
     * @param keywords the keywords, each already folded
     */
    record Keywords(List<String> keywords) implements Condition {
        @Override
        public boolean test(Turn turn, String folded, Map<String, String> captures) {
            for (String keyword : keywords) {
                if (folded.contains(keyword)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Passes when the message text matches the pattern anywhere; named groups become captures.
     *
     * @param pattern    the compiled pattern
     * @param groupNames its named groups
     */
    record Regex(Pattern pattern, List<String> groupNames) implements Condition {
        @Override
        public boolean test(Turn turn, String folded, Map<String, String> captures) {
            if (!(turn.event() instanceof MessageReceived message)) {
                return false;
            }
            Matcher matcher = pattern.matcher(message.text());
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
    }

    /**
     * Passes when every one of its conditions does.
     *
     * @param all the conditions
     */
    record All(List<Condition> all) implements Condition {
        @Override
        public boolean test(Turn turn, String folded, Map<String, String> captures) {
            for (Condition condition : all) {
                if (!condition.test(turn, folded, captures)) {
                    return false;
                }
            }
            return true;
        }
    }
}
