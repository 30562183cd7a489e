package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code hookbot_webhooks_total{channel,outcome}}, one per webhook call by the answer it got, and
 * {@code hookbot_webhook_ack_seconds{channel}}, the time from the call's arrival at the endpoint to its
 * acknowledgement (stored, or recognised as a redelivery). The endpoint passes a configured channel's name only; a
 * call to a name that is not configured counts under {@code channel="unknown"}, so made-up names add no label value.
 * A counted call costs a map look-up and an increment.
 */
@Singleton
public class WebhookMeters {

    /** What became of a call, as the {@code outcome} label says it. */
    enum Outcome {
        /** At least one event was new and is stored. */
        STORED,
        /** Every event had been stored before (a redelivery). */
        DUPLICATE,
        /** The call carried no event to store. */
        EMPTY,
        /** The platform's credentials (secret, token, key, signature) were missing or wrong. */
        REFUSED_AUTH,
        /** The body could not be read, or a field is wrong. */
        REFUSED_PAYLOAD,
        /** An event is larger than the inbox stores. */
        TOO_LARGE,
        /** A Content-Type the platform does not send. */
        UNSUPPORTED_MEDIA_TYPE,
        /** The database refused the events' data for good. */
        UNSTORABLE,
        /** The inbox could not store them now (full, stopping, or the database is down): 503. */
        UNAVAILABLE;

        final String label = name().toLowerCase(Locale.ROOT);
    }

    /** The {@code channel} label of calls to a channel that is not configured. */
    public static final String UNKNOWN_CHANNEL = "unknown";

    private final MeterRegistry registry;
    private final PerLabel<Channel> channels;
    private final Counter unknownChannel;
    private final Map<Integer, Timer> routed = new ConcurrentHashMap<>();

    public WebhookMeters(MeterRegistry registry) {
        this.registry = registry;
        this.channels = new PerLabel<>(Channel::new);
        this.unknownChannel = counter(UNKNOWN_CHANNEL, "unknown_channel");
    }

    /** @return the time a call arrived, to hand back to {@link #acknowledged} */
    public long start() {
        return System.nanoTime();
    }

    /**
     * A call acknowledged: its events stored, or recognised as stored before.
     *
     * @param channel    the configured channel
     * @param stored     events stored now
     * @param duplicates events that had been stored before
     * @param started    {@link #start()} at the call's arrival
     */
    public void acknowledged(String channel, int stored, int duplicates, long started) {
        Channel meters = channels.of(channel);
        meters.count(stored > 0 ? Outcome.STORED : duplicates > 0 ? Outcome.DUPLICATE : Outcome.EMPTY);
        meters.ack.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /**
     * A call refused by its platform or by the inbox's check of the stored form.
     *
     * @param channel the configured channel
     * @param error   the refusal's machine-readable code ({@code unauthorized}, {@code invalid_payload},
     *                {@code unsupported_media_type}, {@code too_large}, {@code unstorable}…)
     */
    public void refused(String channel, String error) {
        channels.of(channel).count(switch (error == null ? "" : error) {
            case "unauthorized" -> Outcome.REFUSED_AUTH;
            case "unsupported_media_type" -> Outcome.UNSUPPORTED_MEDIA_TYPE;
            case "too_large" -> Outcome.TOO_LARGE;
            case "unstorable" -> Outcome.UNSTORABLE;
            default -> Outcome.REFUSED_PAYLOAD;
        });
    }

    /**
     * A call answered 503: the inbox could not store it now, and the platform retries.
     *
     * @param channel the configured channel
     */
    public void unavailable(String channel) {
        channels.of(channel).count(Outcome.UNAVAILABLE);
    }

    /**
     * A call the webhook fast path answered, timed as Micronaut times a routed call
     * ({@code http_server_requests_seconds{method,status,uri,exception}}, {@code uri} the route's template), so the
     * server's figures count every webhook whichever way it came in. One timer per status, made once.
     *
     * @param status  the answer's status code
     * @param started {@link System#nanoTime()} when the call was read
     */
    public void routed(int status, long started) {
        routed.computeIfAbsent(status, code -> Timer.builder("http.server.requests")
                        .tags("method", "POST", "status", Integer.toString(code), "uri", "/webhooks/{channel}",
                                "exception", "none")
                        .register(registry))
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** A call to a channel name that is not configured (404). */
    public void unknownChannel() {
        unknownChannel.increment();
    }

    private Counter counter(String channel, String outcome) {
        return Counter.builder("hookbot.webhooks").description("Webhook calls, by the answer they got")
                .tag("channel", channel).tag("outcome", outcome).register(registry);
    }

    /** One channel's meters, every outcome registered at once so that each series starts at 0. */
    private final class Channel {

        private final Counter[] outcomes = new Counter[Outcome.values().length];
        private final Timer ack;

        Channel(String channel) {
            for (Outcome outcome : Outcome.values()) {
                outcomes[outcome.ordinal()] = counter(channel, outcome.label);
            }
            ack = Histograms.timer("hookbot.webhook.ack", "From a webhook's arrival to its acknowledgement",
                    Duration.ofMillis(1), Duration.ofSeconds(10)).tag("channel", channel).register(registry);
        }

        void count(Outcome outcome) {
            outcomes[outcome.ordinal()].increment();
        }
    }
}
