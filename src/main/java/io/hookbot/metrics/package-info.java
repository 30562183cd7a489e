/**
 * hookbot's own meters, exported with Micronaut's JVM, HTTP and connection pool meters at {@code GET /prometheus}
 * (docs/operations.md, "Metrics", lists them all). Every name starts with {@code hookbot_}; the labels are
 * {@code channel}, and where they apply {@code outcome}, {@code bot}, {@code rule}, {@code guard} and {@code plugin},
 * whose values are bounded: configured channel names ({@code unknown} for a webhook to any other name), names from
 * the rule files, loaded plugins' ids and fixed words, never a user, a phone number or a conversation (and past {@code PerLabel.MAX} values of one label, the
 * rest count as {@code other}).
 *
 * <p>Counters and timers are counted where things happen, through the beans here ({@link io.hookbot.metrics.WebhookMeters},
 * {@link io.hookbot.metrics.TurnMeters}, {@link io.hookbot.metrics.RuleMeters}, {@link io.hookbot.metrics.PluginMeters},
 * {@link io.hookbot.metrics.ReplyMeters}, {@link io.hookbot.metrics.HandOffMeters}):
 * an increment on meters looked up once per label value, no query. Gauges of what the database holds are read by one
 * query per {@link io.hookbot.metrics.GaugeTable} when {@code /prometheus} is scraped, at most every
 * {@code hookbot.metrics.refresh} (5 s), off the event loop ({@link io.hookbot.metrics.ScrapeRefresh}).
 *
 * <p>The package sits low: the packages that count import it, and the gauges' queries stay with the packages that
 * own the tables ({@code inbox.InboxGauges}, {@code outbox.OutboxGauges}, {@code presence.PresenceGauges}), which
 * hand them to {@link io.hookbot.metrics.GaugeTables}; so nothing here imports them and no cycle can arise.
 * Depends on {@code config} (its settings' checks) alone.
 */
package io.hookbot.metrics;
