package io.hookbot.db;

import io.hookbot.worker.SafeErrors;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs a health component that reads the database off the event loop and within a time limit, so that a database
 * that does not answer makes the component DOWN in {@link #TIMEOUT} instead of holding every health answer for the
 * connection pool's 30 s. A failure is described by its type and SQLState ({@link SafeErrors}): a driver's message
 * may quote the URL and its credentials.
 */
public final class BoundedHealthCheck {

    /** How long a component may take, waiting for a pooled connection included. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static final Logger LOG = LoggerFactory.getLogger(BoundedHealthCheck.class);

    private BoundedHealthCheck() {
    }

    /**
     * @param name     the component's name
     * @param executor where the check runs (Micronaut's blocking executor)
     * @param check    the check, which may read the database
     * @return its result, or DOWN naming the failure or the time limit
     */
    public static Publisher<HealthResult> run(String name, Executor executor, Supplier<HealthResult> check) {
        return Publishers.fromCompletableFuture(() -> CompletableFuture.supplyAsync(check, executor)
                .orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> down(name, failure)));
    }

    private static HealthResult down(String name, Throwable failure) {
        Throwable cause = failure.getCause() != null && !(failure instanceof TimeoutException)
                ? failure.getCause() : failure;
        String why = cause instanceof TimeoutException
                ? "the database did not answer within " + TIMEOUT.toSeconds() + " s"
                : "the database could not be read: " + SafeErrors.describe(cause);
        LOG.warn("Health component {} is DOWN: {}", name, why);
        LOG.debug("Health component {} failed", name, cause);
        return HealthResult.builder(name, HealthStatus.DOWN).details(Map.of("cause", why)).build();
    }
}
