package io.hookbot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Where the packages that own a query make their gauges: {@link #table} for values read from the database together
 * (cached, read off the scrape's thread), {@link #live} for a value the application holds in memory. The packages'
 * binders ({@code inbox.InboxGauges}, {@code outbox.OutboxGauges}, {@code presence.PresenceGauges}) call this once
 * the server has started; this package imports none of them.
 */
@Singleton
public class GaugeTables {

    private final MeterRegistry registry;
    private final MetricsSettings settings;
    private final ExecutorService executor;
    private final List<GaugeTable> tables = new CopyOnWriteArrayList<>();

    /**
     * @param registry the registry
     * @param settings {@code hookbot.metrics.*}
     * @param executor the blocking executor the reads run on
     */
    public GaugeTables(MeterRegistry registry, MetricsSettings settings,
                       @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.registry = registry;
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * @param what what the table reads, for the log ({@code inbox})
     * @param read reads every value of the table
     * @return the table, to declare its meters on
     */
    public GaugeTable table(String what, GaugeTable.Read read) {
        GaugeTable table = new GaugeTable(what, registry, settings.refresh(), executor, read);
        tables.add(table);
        return table;
    }

    /**
     * A gauge without labels over a value held in memory (no query), read at each scrape.
     *
     * @param name        its name, dotted
     * @param description what it says
     * @param value       the value
     */
    public void live(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).strongReference(true).register(registry);
    }

    /** @return completes once every table's values are fresh enough (each read under way done) */
    CompletableFuture<Void> refreshAll() {
        return CompletableFuture.allOf(tables.stream().map(GaugeTable::refresh).toArray(CompletableFuture[]::new));
    }
}
