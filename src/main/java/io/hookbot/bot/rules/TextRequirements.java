package io.hookbot.bot.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What words a condition needs in a message, as clauses: the condition can pass only if the message has at least one
 * word of every clause. An empty list means the condition may pass whatever the words (a catch-all, a {@code not},
 * a condition on the channel). Used to build the {@link RuleIndex}; each rule is filed under one clause.
 */
final class TextRequirements {

    private TextRequirements() {
    }

    /**
     * @param condition a condition
     * @return its clauses; each clause is a set of words, any one of which is enough
     */
    static List<Set<String>> of(Condition condition) {
        if (condition instanceof TextCondition.Keywords keywords) {
            return List.of(anyOf(keywords.keywords()));
        }
        if (condition instanceof TextCondition.Phrase phrase) {
            return List.of(anyOf(phrase.phrases()));
        }
        if (condition instanceof TextCondition.Regex regex) {
            List<Set<String>> clauses = new ArrayList<>();
            for (String word : RegexWords.of(regex.source())) {
                clauses.add(Set.of(word));
            }
            return clauses;
        }
        if (condition instanceof Condition.All all) {
            List<Set<String>> clauses = new ArrayList<>();
            for (Condition part : all.all()) {
                clauses.addAll(of(part));
            }
            return clauses;
        }
        if (condition instanceof Condition.Any any) {
            Set<String> union = new LinkedHashSet<>();
            for (Condition part : any.any()) {
                List<Set<String>> clauses = of(part);
                if (clauses.isEmpty()) {
                    return List.of();
                }
                union.addAll(clauses.stream().min(Comparator.comparingInt(Set::size)).orElseThrow());
            }
            return List.of(Set.copyOf(union));
        }
        return List.of();
    }

    /** One word of each folded text: its longest, the one least likely to be shared with other rules. */
    private static Set<String> anyOf(List<String> foldedTexts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : foldedTexts) {
            Normalizer.words(text).stream().max(Comparator.comparingInt(String::length)).ifPresent(words::add);
        }
        return Set.copyOf(words);
    }
}
