package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code hookbot_replies_total{channel,outcome}}, one per send attempt by how it ended, and
 * {@code hookbot_reply_send_seconds{channel}}, how long the platform took to answer it. Counted as each attempt is
 * decided, once per attempt; a reply suppressed because its recipient opted out is counted once, as
 * {@code outcome="suppressed"}, and never attempted.
 */
@Singleton
public class ReplyMeters {

    /** How a send attempt ended, as the {@code outcome} label says it. */
    public enum Outcome {
        /** The platform accepted the reply. */
        SENT,
        /** A retryable failure; the reply is tried again after its backoff. */
        RETRIED,
        /** A retryable failure on the last attempt allowed: dead-lettered. */
        DEAD,
        /** The platform refused the reply for good: dead-lettered. */
        REFUSED,
        /** The platform refused our credentials: the channel is paused, the reply waits. */
        PAUSED,
        /** Never sent: its recipient opted out. Counted once per reply, with no send time. */
        SUPPRESSED;

        final String label = name().toLowerCase(Locale.ROOT);
    }

    private final MeterRegistry registry;
    private final PerLabel<Channel> channels;

    public ReplyMeters(MeterRegistry registry) {
        this.registry = registry;
        this.channels = new PerLabel<>(Channel::new);
    }

    /**
     * @param channel    the reply's channel
     * @param outcome    how the attempt ended
     * @param durationMs how long it took
     */
    public void attempted(String channel, Outcome outcome, long durationMs) {
        Channel meters = channels.of(channel);
        meters.outcomes[outcome.ordinal()].increment();
        meters.send.record(durationMs, TimeUnit.MILLISECONDS);
    }

    /**
     * A reply written suppressed (its recipient opted out), never to be attempted.
     *
     * @param channel the reply's channel
     */
    public void suppressed(String channel) {
        channels.of(channel).outcomes[Outcome.SUPPRESSED.ordinal()].increment();
    }

    private final class Channel {

        private final Counter[] outcomes = new Counter[Outcome.values().length];
        private final Timer send;

        Channel(String channel) {
            for (Outcome outcome : Outcome.values()) {
                outcomes[outcome.ordinal()] = Counter.builder("hookbot.replies")
                        .description("Send attempts of replies, by how they ended")
                        .tag("channel", channel).tag("outcome", outcome.label).register(registry);
            }
            send = Histograms.timer("hookbot.reply.send", "One send attempt, until the platform answered",
                    Duration.ofMillis(1), Duration.ofSeconds(30)).tag("channel", channel).register(registry);
        }
    }
}
