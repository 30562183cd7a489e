package io.hookbot.ui;

import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live overview's figures, read from the meters hookbot keeps anyway ({@code io.hookbot.metrics}, the same ones
 * {@code GET /prometheus} exports) and never from the tables: the counters are in memory, and the gauges of what the
 * database holds (backlog, dead letters, pauses) are the metrics' cached ones, read at most every
 * {@code hookbot.metrics.refresh} off any request's thread. A sample of them is taken every {@link #EVERY}, and an
 * hour of samples is kept for the charts, so a page refresh reads what is here and a webhook pays nothing for it.
 * Without Micrometer ({@code micronaut.metrics.enabled: false}) every figure is empty. Made at startup, so that
 * the charts begin with the application, not with the first look at them.
 */
@Context
public class Figures {

    /** How often a sample is taken. */
    static final Duration EVERY = Duration.ofSeconds(5);
    /** How long samples are kept: the charts' hour, and the minute before it. */
    static final Duration KEPT = Duration.ofMinutes(61);
    /** The minutes a chart shows. */
    static final int MINUTES = 60;

    /**
     * What the meters said at one moment.
     *
     * @param at            when
     * @param webhooks      webhook calls so far, per channel (every answer counted)
     * @param turns         events turned so far (failed turns included), in all
     * @param sent          replies the platforms accepted so far
     * @param retried       send attempts that failed and are tried again, so far
     * @param dead          replies dead-lettered so far (attempts used up, or refused for good)
     * @param pending       events waiting for their turn now (journaled ones included)
     * @param oldestSeconds how long the oldest of them has waited, in seconds
     * @param deadNow       dead letters in the outbox now
     * @param outboxPending replies waiting to be sent now
     * @param paused        the channels paused now
     */
    record Sample(Instant at, Map<String, Double> webhooks, double turns, double sent, double retried, double dead,
                  double pending, double oldestSeconds, double deadNow, double outboxPending, List<String> paused) {
    }

    private final MeterRegistry registry;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Worker sampler;

    /**
     * @param registry   the meters, or {@code null} when metrics are off
     * @param supervisor runs the sampling loop
     */
    @Inject
    public Figures(@Nullable MeterRegistry registry, Supervisor supervisor) {
        this(registry, Clock.systemUTC(), supervisor);
    }

    Figures(MeterRegistry registry, Clock clock, Supervisor supervisor) {
        // with metrics off, hookbot's meters go to an empty composite registry that keeps nothing (metrics.NoMetrics)
        boolean keeps = registry != null
                && !(registry instanceof CompositeMeterRegistry composite && composite.getRegistries().isEmpty());
        this.registry = keeps ? registry : null;
        this.clock = clock;
        this.sampler = supervisor == null ? null
                : supervisor.every("dashboard-figures", Duration.ZERO, EVERY, null, this::sample);
    }

    /** Stops sampling. */
    @PreDestroy
    void close() {
        if (sampler != null) {
            sampler.stop();
        }
    }

    /** Takes a sample now and keeps it (the sampling loop's round). */
    void sample() {
        Sample sample = read();
        synchronized (samples) {
            samples.addLast(sample);
            Instant horizon = sample.at().minus(KEPT);
            while (!samples.isEmpty() && samples.peekFirst().at().isBefore(horizon)) {
                samples.removeFirst();
            }
        }
    }

    /** @return the newest sample, taking one if there is none yet or the newest is older than {@link #EVERY} */
    Sample latest() {
        synchronized (samples) {
            Sample last = samples.peekLast();
            if (last != null && Duration.between(last.at(), clock.instant()).compareTo(EVERY) < 0) {
                return last;
            }
        }
        sample();
        synchronized (samples) {
            return samples.peekLast();
        }
    }

    /** @return the samples kept, oldest first */
    List<Sample> history() {
        synchronized (samples) {
            return new ArrayList<>(samples);
        }
    }

    /** @return whether there are meters to read at all */
    boolean enabled() {
        return registry != null;
    }

    /**
     * @param bot  a bot's name
     * @param rule one of its rules
     * @return how often the rule fired since this instance started
     */
    long firings(String bot, String rule) {
        if (registry == null) {
            return 0;
        }
        return (long) registry.find("hookbot.rule.firings").tag("bot", bot).tag("rule", rule).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private Sample read() {
        Instant at = clock.instant();
        if (registry == null) {
            return new Sample(at, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, List.of());
        }
        Map<String, Double> webhooks = new TreeMap<>();
        for (Counter counter : registry.find("hookbot.webhooks").counters()) {
            String channel = counter.getId().getTag("channel");
            if (channel != null) {
                webhooks.merge(channel, counter.count(), Double::sum);
            }
        }
        double turns = counters("hookbot.turns", null);
        double sent = counters("hookbot.replies", "sent");
        double retried = counters("hookbot.replies", "retried");
        double dead = counters("hookbot.replies", "dead") + counters("hookbot.replies", "refused");
        double pending = gauges("hookbot.inbox.pending") + gauges("hookbot.inbox.journaled");
        double oldest = 0;
        for (Gauge gauge : registry.find("hookbot.inbox.oldest.pending").gauges()) {
            oldest = Math.max(oldest, finite(gauge.value()));
        }
        TreeSet<String> paused = new TreeSet<>();
        for (Gauge gauge : registry.find("hookbot.channel.paused").gauges()) {
            if (finite(gauge.value()) > 0 && gauge.getId().getTag("channel") != null) {
                paused.add(gauge.getId().getTag("channel"));
            }
        }
        return new Sample(at, webhooks, turns, sent, retried, dead, pending, oldest, gauges("hookbot.outbox.dead"),
                gauges("hookbot.outbox.pending"), List.copyOf(paused));
    }

    private double counters(String name, String outcome) {
        var search = registry.find(name);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private double gauges(String name) {
        return registry.find(name).meters().stream().mapToDouble(Figures::value).sum();
    }

    private static double value(Meter meter) {
        double sum = 0;
        for (var measurement : meter.measure()) {
            sum += finite(measurement.getValue());
        }
        return sum;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : 0;
    }
}
