package io.hookbot.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Gauges (and counters kept by the database, such as a sum of a column) whose values one query reads together, per
 * channel. The values are read on a blocking thread, never on the scrape's: {@link ScrapeRefresh} asks for a read
 * before {@code /prometheus} answers (waiting for it at most {@link ScrapeRefresh#WAIT}), and a read is reused for
 * {@code hookbot.metrics.refresh}, so scrapes cost one query per table every so often whatever their number, and a
 * webhook none. A meter is registered for a channel when a read first finds it (or up front, {@link #channels}); a
 * channel a later read leaves out reads 0. A read that fails keeps the last values, logged.
 *
 * <p>Made by {@link GaugeTables#table}; the meters are declared by name, then each read puts their values into its
 * {@link Readings}.
 */
public final class GaugeTable {

    /** Reads the table's values; runs on a blocking thread. */
    @FunctionalInterface
    public interface Read {

        /**
         * @return the values
         * @throws Exception on a database error (the last values stay)
         */
        Readings read() throws Exception;
    }

    /** A gauge read outside a scrape (another registry) starts a read at most this often. */
    private static final Duration LEAST_BETWEEN_UNASKED_READS = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(GaugeTable.class);
    private static final String LABEL = "channel";

    private enum Kind { GAUGE, COUNTER }

    private record Declared(Kind kind, String description, String baseUnit) {
    }

    private record Snapshot(long readAtNanos, boolean ever, Readings readings) {
    }

    private final String what;
    private final MeterRegistry registry;
    private final long refreshNanos;
    private final long unaskedNanos;
    private final Executor executor;
    private final Read read;
    private final Map<String, Declared> labelled = new LinkedHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private volatile Snapshot snapshot = new Snapshot(0, false, new Readings());
    /** The read under way, or {@code null}; guarded by {@link #lock}. */
    private CompletableFuture<Void> reading;

    GaugeTable(String what, MeterRegistry registry, Duration refresh, Executor executor, Read read) {
        this.what = what;
        this.registry = registry;
        this.refreshNanos = refresh.toNanos();
        this.unaskedNanos = Math.max(refreshNanos, LEAST_BETWEEN_UNASKED_READS.toNanos());
        this.executor = executor;
        this.read = read;
    }

    /**
     * Declares a gauge with a {@code channel} label.
     *
     * @param name        its name, dotted ({@code hookbot.inbox.pending})
     * @param description what it says
     * @param baseUnit    its unit ({@code seconds}: Prometheus adds it to the name), or {@code null}
     * @return this
     */
    public GaugeTable gauge(String name, String description, String baseUnit) {
        labelled.put(name, new Declared(Kind.GAUGE, description, baseUnit));
        return this;
    }

    /**
     * Declares a counter with a {@code channel} label whose total the database keeps (a sum the read takes).
     *
     * @param name        its name, dotted, without {@code total}
     * @param description what it counts
     * @return this
     */
    public GaugeTable counter(String name, String description) {
        labelled.put(name, new Declared(Kind.COUNTER, description, null));
        return this;
    }

    /**
     * Registers a gauge without labels, at once.
     *
     * @param name        its name, dotted
     * @param description what it says
     * @return this
     */
    public GaugeTable single(String name, String description) {
        Gauge.builder(name, this, table -> table.valueOf(name)).description(description).strongReference(true)
                .register(registry);
        return this;
    }

    /**
     * Registers every labelled meter declared so far for these channels now, so that their series read 0 from the
     * start rather than appear with the first read that finds them.
     *
     * @param channels the channels, such as the configured ones
     * @return this
     */
    public GaugeTable channels(Collection<String> channels) {
        for (String meter : labelled.keySet()) {
            channels.forEach(channel -> register(meter, channel));
        }
        return this;
    }

    /** @return completes when the values are at most {@code hookbot.metrics.refresh} old (a read if need be) */
    CompletableFuture<Void> refresh() {
        return readIfOlder(refreshNanos);
    }

    private CompletableFuture<Void> readIfOlder(long nanos) {
        synchronized (lock) {
            if (reading != null) {
                return reading;
            }
            Snapshot known = snapshot;
            if (known.ever() && System.nanoTime() - known.readAtNanos() < nanos) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> started = new CompletableFuture<>();
            reading = started;
            try {
                executor.execute(() -> readNow(started));
            } catch (RuntimeException refused) {
                reading = null;
                started.complete(null);
            }
            return started;
        }
    }

    private void readNow(CompletableFuture<Void> done) {
        long at = System.nanoTime();
        try {
            Readings readings = read.read();
            readings.labelled().forEach((meter, values) -> values.keySet().forEach(channel -> register(meter, channel)));
            snapshot = new Snapshot(at, true, readings);
        } catch (Exception e) {
            LOG.warn("Could not read the {} gauges ({}); they keep their last values until the next scrape", what,
                    e.toString());
            snapshot = new Snapshot(at, true, snapshot.readings());
        } finally {
            synchronized (lock) {
                reading = null;
            }
            done.complete(null);
        }
    }

    private void register(String meter, String channel) {
        Declared declared = labelled.get(meter);
        if (declared == null || registered.size() >= PerLabel.MAX * Math.max(1, labelled.size())
                || !registered.add(meter + "\u0000" + channel)) {
            return;
        }
        if (declared.kind() == Kind.COUNTER) {
            FunctionCounter.builder(meter, this, table -> table.valueOf(meter, channel))
                    .description(declared.description()).tag(LABEL, channel).register(registry);
        } else {
            Gauge.builder(meter, this, table -> table.valueOf(meter, channel)).description(declared.description())
                    .baseUnit(declared.baseUnit()).tag(LABEL, channel).strongReference(true).register(registry);
        }
    }

    private double valueOf(String meter, String channel) {
        readIfOlder(unaskedNanos);
        return snapshot.readings().value(meter, channel);
    }

    private double valueOf(String meter) {
        readIfOlder(unaskedNanos);
        return snapshot.readings().value(meter);
    }
}
