package io.hookbot.metrics;

import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** The one shape of hookbot's timers: a Prometheus histogram (percentile buckets) between two bounds. */
final class Histograms {

    private Histograms() {
    }

    /**
     * @param name        the meter's name (dotted; Prometheus shows {@code name_seconds_bucket} and so on)
     * @param description what it measures
     * @param min         the shortest time expected: the first bucket
     * @param max         the longest time expected: the last bucket before {@code +Inf}
     * @return the builder, for the tags
     */
    static Timer.Builder timer(String name, String description, Duration min, Duration max) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(min).maximumExpectedValue(max);
    }
}
