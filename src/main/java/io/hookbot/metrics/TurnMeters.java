package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code hookbot_turns_total{channel,outcome}} ({@code turned}, {@code failed}) and {@code hookbot_turn_seconds{channel}}.
 * A pass's turns are written down in a {@link Tally} as they run and counted once its transaction commits
 * ({@link #record}), so a pass that is rolled back and taken again is not counted twice. An event marked failed
 * without a turn (its pass failed even alone: {@link #failed}) counts as failed, with no time.
 */
@Singleton
public class TurnMeters {

    private final MeterRegistry registry;
    private final PerLabel<Channel> channels;

    public TurnMeters(MeterRegistry registry) {
        this.registry = registry;
        this.channels = new PerLabel<>(Channel::new);
    }

    /**
     * Counts the turns of a pass that committed.
     *
     * @param tally the pass's turns
     */
    public void record(Tally tally) {
        for (Tally.Turn turn : tally.turns) {
            Channel meters = channels.of(turn.channel());
            (turn.failed() ? meters.failed : meters.turned).increment();
            meters.time.record(turn.nanos(), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * An event marked failed because its turn could not be taken at all.
     *
     * @param channel its channel
     */
    public void failed(String channel) {
        channels.of(channel).failed.increment();
    }

    /** The turns of one pass, written down as they run on the pass's thread; not thread-safe. */
    public static final class Tally {

        private final List<Turn> turns = new ArrayList<>();

        /**
         * @param channel the event's channel
         * @param nanos   how long its turn took
         */
        public void turned(String channel, long nanos) {
            turns.add(new Turn(channel, false, nanos));
        }

        /**
         * @param channel the event's channel
         * @param nanos   how long its turn ran before it failed
         */
        public void failed(String channel, long nanos) {
            turns.add(new Turn(channel, true, nanos));
        }

        private record Turn(String channel, boolean failed, long nanos) {
        }
    }

    private final class Channel {

        private final Counter turned;
        private final Counter failed;
        private final Timer time;

        Channel(String channel) {
            turned = counter(channel, "turned");
            failed = counter(channel, "failed");
            time = Histograms.timer("hookbot.turn", "One event's turn: its rules, guardrails and plugins",
                    Duration.ofNanos(100_000), Duration.ofSeconds(10)).tag("channel", channel).register(registry);
        }

        private Counter counter(String channel, String outcome) {
            return Counter.builder("hookbot.turns").description("Events turned, and events whose turn failed")
                    .tag("channel", channel).tag("outcome", outcome).register(registry);
        }
    }
}
