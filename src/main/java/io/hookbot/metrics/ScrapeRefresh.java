package io.hookbot.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    /** @return completes (with no response of its own) once the gauges are fresh, or after {@link #WAIT} */
    @RequestFilter
    public CompletableFuture<@Nullable HttpResponse<?>> refresh() {
        return tables.refreshAll()
                .<HttpResponse<?>>handle((done, failure) -> null)
                .completeOnTimeout(null, WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
