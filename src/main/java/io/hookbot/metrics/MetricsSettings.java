package io.hookbot.metrics;

import io.hookbot.config.Settings;
import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hookbot.metrics.*} (default in {@code application.yml}; docs/operations.md, "Metrics").
 *
 * @param refresh how long the gauges read from the database ({@link GaugeTable}) are served again before a scrape
 *                reads them anew; {@code 0} reads them on every scrape
 */
@ConfigurationProperties("hookbot.metrics")
public record MetricsSettings(Duration refresh) {

    public MetricsSettings {
        Settings.notNegative("hookbot.metrics.refresh", refresh);
    }
}
