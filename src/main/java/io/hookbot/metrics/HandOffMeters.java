package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * {@code hookbot_handoffs_total{channel,outcome}}: conversations put in human mode and given back to the bot, by
 * the conversation's channel; {@code outcome} is {@code handoff_rule}, {@code handoff_plugin},
 * {@code handoff_admin}, {@code release_admin} or {@code release_idle} (bounded). Counted where the change is
 * written, so a turn whose transaction fails and is taken again counts again, as {@link RuleMeters} does.
 */
@Singleton
public class HandOffMeters {

    private final PerLabel<PerLabel<Counter>> counters;

    public HandOffMeters(MeterRegistry registry) {
        this.counters = new PerLabel<>(channel -> new PerLabel<>(outcome -> Counter.builder("hookbot.handoffs")
                .description("Conversations put in human mode (handoff_*) and given back to the bot (release_*)")
                .tag("channel", channel).tag("outcome", outcome).register(registry)));
    }

    /**
     * @param channel the conversation's channel
     * @param by      who handed it off: {@code rule}, {@code plugin} or {@code admin}
     */
    public void handedOff(String channel, String by) {
        counters.of(channel).of("handoff_" + by.toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * @param channel the conversation's channel
     * @param by      who released it: {@code admin} or {@code idle}
     */
    public void released(String channel, String by) {
        counters.of(channel).of("release_" + by.toLowerCase(Locale.ROOT)).increment();
    }
}
