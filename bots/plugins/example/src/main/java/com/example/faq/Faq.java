package com.example.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Frequently asked questions, each a set of keywords and an answer, read once from a CSV with the header
 * {@code keywords,answer} (keywords separated by spaces). A message matches the entry whose keywords it contains
 * most often; a word matches a keyword it starts with, so {@code delivered} counts for {@code deliver}. Immutable:
 * safe to share between turns running at once.
 */
public final class Faq {

    /**
     * One question and its answer.
     *
     * @param line     its line in the CSV
     * @param keywords its keywords, lower case
     * @param answer   the answer
     */
    public record Entry(int line, Set<String> keywords, String answer) {
    }

    private final List<Entry> entries;

    private Faq(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @param csv the CSV
     * @return its entries
     * @throws IOException              it cannot be read
     * @throws IllegalArgumentException it is not an FAQ, with the line that is wrong
     */
    public static Faq read(InputStream csv) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !Csv.fields(header, 1).equals(List.of("keywords", "answer"))) {
                throw new IllegalArgumentException("line 1: the header must be 'keywords,answer', not '" + header + "'");
            }
            int number = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = Csv.fields(line, number);
                if (fields.size() != 2 || fields.get(0).isEmpty() || fields.get(1).isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": expected keywords and an answer, got "
                            + fields);
                }
                entries.add(new Entry(number, words(fields.get(0)), fields.get(1)));
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no questions in it");
        }
        return new Faq(entries);
    }

    /**
     * @param text a message
     * @return the entry it asks about, or empty if it matches none
     */
    public Optional<Entry> match(String text) {
        Set<String> words = words(text);
        Entry best = null;
        long bestScore = 0;
        for (Entry entry : entries) {
            long score = entry.keywords().stream()
                    .filter(keyword -> words.stream().anyMatch(word -> word.startsWith(keyword)))
                    .count();
            if (score > bestScore) {
                best = entry;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return how many entries it has */
    public int size() {
        return entries.size();
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
    }
}
