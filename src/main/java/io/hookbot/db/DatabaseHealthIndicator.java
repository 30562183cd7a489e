package io.hookbot.db;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code /health} component {@code database}: UP when {@code SELECT 1} answers within {@link #TIMEOUT}, DOWN
 * otherwise; its only detail is the database product ({@code {"database":"H2"}}). It stands in for Micronaut's
 * {@code jdbc} indicator, which names the JDBC URL, and with it any user name and password the URL carries. Why it
 * failed goes to the log, not to the answer: a driver's message may quote the URL too.
 */
@Singleton
public class DatabaseHealthIndicator implements HealthIndicator {

    /** How long the check may take, waiting for a pooled connection included. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealthIndicator.class);
    private static final String NAME = "database";

    private final TransactionOperations<Connection> transactions;
    private final ExecutorService executor;

    /**
     * @param transactions the default datasource's transactions
     * @param executor     the blocking I/O executor the check runs on, off the event loop
     */
    public DatabaseHealthIndicator(TransactionOperations<Connection> transactions,
                                   @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.transactions = transactions;
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(this::probe, executor)
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(this::down));
    }

    private HealthResult probe() {
        String product = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) TIMEOUT.toSeconds());
                try (ResultSet row = statement.executeQuery("SELECT 1")) {
                    row.next();
                }
            }
            return connection.getMetaData().getDatabaseProductName();
        });
        return HealthResult.builder(NAME, HealthStatus.UP).details(Map.of(NAME, product)).build();
    }

    private HealthResult down(Throwable failure) {
        LOG.warn("Health check of the database failed", failure);
        return HealthResult.builder(NAME, HealthStatus.DOWN).build();
    }
}
