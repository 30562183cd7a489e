package io.hookbot.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scrape of {@code /prometheus}, parsed from the text exposition format: each sample's name, labels and value
 * ({@code # HELP} and {@code # TYPE} lines skipped).
 */
final class PrometheusText {

    /**
     * @param name   the sample's name ({@code hookbot_webhooks_total}, {@code hookbot_turn_seconds_count})
     * @param labels its labels, in the order written
     * @param value  its value
     */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = samples;
    }

    /**
     * @param text a scrape's body
     * @return it parsed
     * @throws IllegalArgumentException on a line that is not a sample
     */
    static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(line));
        }
        return new PrometheusText(samples);
    }

    /** @return every sample */
    List<Sample> samples() {
        return samples;
    }

    /**
     * @param name   a sample name
     * @param labels label names and values, alternating; the sample may have more labels
     * @return the value of the one sample that has them, or 0 if none has (a counter not counted yet)
     * @throws AssertionError if several samples have them
     */
    double value(String name, String... labels) {
        List<Sample> found = find(name, labels);
        if (found.size() > 1) {
            throw new AssertionError("several samples of " + name + " " + List.of(labels) + ": " + found);
        }
        return found.isEmpty() ? 0 : found.get(0).value();
    }

    /**
     * @param name   a sample name
     * @param labels label names and values, alternating
     * @return whether a sample has them
     */
    boolean has(String name, String... labels) {
        return !find(name, labels).isEmpty();
    }

    private List<Sample> find(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample sample : samples) {
            if (!sample.name().equals(name)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i + 1 < labels.length; i += 2) {
                all &= labels[i + 1].equals(sample.labels().get(labels[i]));
            }
            if (all) {
                found.add(sample);
            }
        }
        return found;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq).trim();
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("not a label value: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] tail = line.substring(rest).trim().split("\\s+");
        String value = tail[0];
        return new Sample(name, labels, value.equals("+Inf") ? Double.POSITIVE_INFINITY
                : value.equals("-Inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(value));
    }
}
