package io.hookbot.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The meters of one label value, made once and then found by a map look-up, so a counted call builds no tags and
 * concatenates no strings. The callers pass only bounded values (configured channels, bot and rule names from the
 * rule files, fixed outcome words); as a guard against a caller that one day passes something unbounded, past
 * {@link #MAX} distinct values every new one shares the meters of {@link #OTHER}.
 *
 * @param <T> the meters of one value
 */
final class PerLabel<T> {

    /** The most distinct values of one label. */
    static final int MAX = 500;
    /** The value every value past {@link #MAX} is counted under. */
    static final String OTHER = "other";
    /** The value a missing ({@code null}) one is counted under. */
    static final String UNKNOWN = "unknown";

    private final Map<String, T> byValue = new ConcurrentHashMap<>();
    private final Function<String, T> make;

    /** @param make makes the meters of a value (registers them); called once per value */
    PerLabel(Function<String, T> make) {
        this.make = make;
    }

    /**
     * @param value a label value
     * @return its meters
     */
    T of(String value) {
        String key = value == null ? UNKNOWN : value;
        T known = byValue.get(key);
        if (known != null) {
            return known;
        }
        return byValue.computeIfAbsent(byValue.size() >= MAX ? OTHER : key, make);
    }
}
