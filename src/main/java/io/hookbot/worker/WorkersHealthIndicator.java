package io.hookbot.worker;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readiness component {@code workers}: DOWN while any background worker is failing (its step threw and has not
 * succeeded since, or its owner reported a failure it is retrying) or stuck (one round running longer than the
 * worker allows), naming each with its error, since when and how often. Such a worker recovers by itself when the
 * cause goes away (a database back up), so this is not a liveness matter: restarting would not help.
 */
@Singleton
public class WorkersHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Supervisor supervisor;

    public WorkersHealthIndicator(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> troubled = new TreeMap<>();
        long now = System.nanoTime();
        for (Worker worker : supervisor.workers()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            worker.failure().ifPresent(failure -> {
                detail.put("failing", true);
                detail.put("since", failure.since().toString());
                detail.put("failures", failure.count());
                detail.put("error", failure.error());
            });
            worker.stuckFor(now).ifPresent(stuck -> detail.put("stuckForSeconds", stuck.toSeconds()));
            if (!detail.isEmpty()) {
                troubled.put(worker.name(), detail);
            }
        }
        healthStatus = troubled.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("workers", supervisor.workers().size());
        if (!troubled.isEmpty()) {
            details.put("troubled", troubled);
        }
        return details;
    }

    @Override
    protected String getName() {
        return "workers";
    }
}
