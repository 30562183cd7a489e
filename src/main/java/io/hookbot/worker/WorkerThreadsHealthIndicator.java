package io.hookbot.worker;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * Liveness component {@code workerThreads}: DOWN if a worker that should be running has lost its thread. A worker
 * catches everything its step throws, so this means the JVM itself ended the thread (an error thrown while
 * handling an error, say): only a restart brings the loop back.
 */
@Singleton
@Liveness
public class WorkerThreadsHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Supervisor supervisor;

    public WorkerThreadsHealthIndicator(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        List<String> dead = supervisor.workers().stream()
                .filter(worker -> worker.running() && !worker.alive())
                .map(Worker::name)
                .sorted()
                .toList();
        healthStatus = dead.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        return dead.isEmpty() ? Map.of() : Map.of("deadThreads", dead);
    }

    @Override
    protected String getName() {
        return "workerThreads";
    }
}
