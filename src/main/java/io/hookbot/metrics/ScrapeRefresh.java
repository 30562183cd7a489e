package io.hookbot.metrics;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Before {@code GET /prometheus} answers, has the {@link GaugeTable}s read what is older than
 * {@code hookbot.metrics.refresh}, without holding the event loop: the scrape goes on once the reads are done, or
 * after {@link #WAIT} with the last values, so a database that hangs never makes Prometheus lose the JVM's and the
 * counters' series. Runs after {@code admin.AccessFilter}, so a refused call reads nothing.
 */
@ServerFilter({"/prometheus", "/prometheus/**"})
public class ScrapeRefresh implements Ordered {

    /** The longest a scrape waits for the gauges' reads. */
    static final Duration WAIT = Duration.ofSeconds(2);

    private final GaugeTables tables;

    public ScrapeRefresh(GaugeTables tables) {
        this.tables = tables;
    }

    /** Waits, on a blocking thread, until the gauges are fresh, or {@link #WAIT} at most; then the scrape goes on. */
    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void refresh() {
        try {
            tables.refreshAll().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stale) {
            // served with the values of the last read that finished
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
