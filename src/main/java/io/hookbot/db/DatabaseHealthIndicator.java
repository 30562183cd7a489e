package io.hookbot.db;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * {@code /health} component {@code database}: UP when {@code SELECT 1} answers within
 * {@link BoundedHealthCheck#TIMEOUT}, DOWN otherwise; its only detail is the database product
 * ({@code {"database":"H2"}}). It stands in for Micronaut's {@code jdbc} indicator, which names the JDBC URL, and with
 * it any user name and password the URL carries.
 */
@Singleton
public class DatabaseHealthIndicator implements HealthIndicator {

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
        return BoundedHealthCheck.run(NAME, executor, this::probe);
    }

    private HealthResult probe() {
        String product = transactions.executeRead(status -> {
            Connection connection = status.getConnection();
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout((int) BoundedHealthCheck.TIMEOUT.toSeconds());
                try (ResultSet row = statement.executeQuery("SELECT 1")) {
                    row.next();
                }
            }
            return connection.getMetaData().getDatabaseProductName();
        });
        return HealthResult.builder(NAME, HealthStatus.UP).details(Map.of(NAME, product)).build();
    }
}
