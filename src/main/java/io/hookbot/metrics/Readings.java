package io.hookbot.metrics;

import java.util.HashMap;
import java.util.Map;

/**
 * What one read of a {@link GaugeTable} found: for each of its meters, a value per channel, or one value for a
 * meter without labels. A channel a read leaves out reads 0 until the next read.
 */
public final class Readings {

    private final Map<String, Map<String, Double>> labelled = new HashMap<>();
    private final Map<String, Double> single = new HashMap<>();

    /**
     * @param meter   a meter of the table, by its name
     * @param channel the channel
     * @param value   its value
     * @return this
     */
    public Readings put(String meter, String channel, double value) {
        labelled.computeIfAbsent(meter, m -> new HashMap<>()).put(channel, value);
        return this;
    }

    /**
     * @param meter   a meter of the table, by its name
     * @param channel the channel
     * @param value   added to what the channel has so far
     * @return this
     */
    public Readings add(String meter, String channel, double value) {
        labelled.computeIfAbsent(meter, m -> new HashMap<>()).merge(channel, value, Double::sum);
        return this;
    }

    /**
     * @param meter a meter of the table without labels
     * @param value its value
     * @return this
     */
    public Readings put(String meter, double value) {
        single.put(meter, value);
        return this;
    }

    double value(String meter, String channel) {
        Map<String, Double> values = labelled.get(meter);
        Double value = values == null ? null : values.get(channel);
        return value == null ? 0 : value;
    }

    double value(String meter) {
        return single.getOrDefault(meter, 0.0);
    }

    Map<String, Map<String, Double>> labelled() {
        return labelled;
    }
}
