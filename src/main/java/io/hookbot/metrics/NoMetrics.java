package io.hookbot.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * With {@code micronaut.metrics.enabled: false} Micronaut makes no registry; hookbot's meters then go to an empty
 * composite registry, which keeps nothing and costs next to nothing, so no caller has to ask whether metrics are on.
 */
@Factory
class NoMetrics {

    @Singleton
    @Requires(property = "micronaut.metrics.enabled", value = "false")
    MeterRegistry none() {
        return new CompositeMeterRegistry();
    }
}
