package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code hookbot_plugin_calls_total{plugin,outcome}}, one per plugin call by how it ended;
 * {@code hookbot_plugin_call_seconds{plugin}}, how long the turn waited for it; and what the isolation did to a
 * plugin: {@code hookbot_plugin_quarantines_total{plugin}} (it overran on a turn's thread and runs on plugin threads
 * from then on: at most 1 per plugin until a restart) and {@code hookbot_plugin_turns_taken_total{plugin}} (it
 * ignored the interrupt, so its turn was taken away and taken again). The only label besides {@code outcome} is the
 * plugin's id, which names a loaded plugin (bounded); never a turn, a user or a conversation.
 */
@Singleton
public class PluginMeters {

    /** How a call ended, as the {@code outcome} label says it. */
    public enum Outcome {
        /** The plugin answered in time with valid actions. */
        ANSWERED,
        /** It threw: cut off. */
        THREW,
        /** It answered {@code null}, a {@code null} action or one with missing fields: cut off. */
        INVALID,
        /** It ran past its budget: cut off (interrupted, its answer dropped). */
        TIMED_OUT,
        /** Every plugin thread was busy: cut off at once. */
        BUSY;

        final String label = name().toLowerCase(Locale.ROOT);
    }

    private final MeterRegistry registry;
    private final PerLabel<Plugin> plugins;

    @Inject
    public PluginMeters(MeterRegistry registry) {
        this.registry = registry;
        this.plugins = new PerLabel<>(Plugin::new);
    }

    /** @return meters that keep nothing, for a runner made outside the application (tests, benchmarks) */
    public static PluginMeters none() {
        return new PluginMeters(new CompositeMeterRegistry());
    }

    /**
     * @param plugin  the plugin's id
     * @param outcome how the call ended
     */
    public void called(String plugin, Outcome outcome) {
        plugins.of(plugin).outcomes[outcome.ordinal()].increment();
    }

    /**
     * @param plugin the plugin's id
     * @param nanos  how long the turn's thread waited for the call, whatever its outcome
     */
    public void timed(String plugin, long nanos) {
        plugins.of(plugin).time.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** @param plugin the plugin just quarantined (its calls run on plugin threads from now on) */
    public void quarantined(String plugin) {
        plugins.of(plugin).quarantines.increment();
    }

    /** @param plugin the plugin whose call ignored the interrupt and held its turn, which was taken away */
    public void turnTaken(String plugin) {
        plugins.of(plugin).turnsTaken.increment();
    }

    /** One plugin's meters, every outcome registered at once so that each series starts at 0. */
    private final class Plugin {

        private final Counter[] outcomes = new Counter[Outcome.values().length];
        private final Timer time;
        private final Counter quarantines;
        private final Counter turnsTaken;

        Plugin(String plugin) {
            for (Outcome outcome : Outcome.values()) {
                outcomes[outcome.ordinal()] = Counter.builder("hookbot.plugin.calls")
                        .description("Plugin calls, by how they ended (answered, or cut off and why)")
                        .tag("plugin", plugin).tag("outcome", outcome.label).register(registry);
            }
            time = Histograms.timer("hookbot.plugin.call", "One plugin call, as long as its turn waited for it",
                    Duration.ofNanos(10_000), Duration.ofSeconds(10)).tag("plugin", plugin).register(registry);
            quarantines = Counter.builder("hookbot.plugin.quarantines")
                    .description("Plugins moved to plugin threads after overrunning on a turn's thread")
                    .tag("plugin", plugin).register(registry);
            turnsTaken = Counter.builder("hookbot.plugin.turns.taken")
                    .description("Turns taken away from a plugin call that ignored the interrupt, and taken again")
                    .tag("plugin", plugin).register(registry);
        }
    }
}
