package io.hookbot.outbox;

import io.hookbot.metrics.ReplyMeters;
import jakarta.inject.Singleton;

/** Counts each send attempt as {@link DeliveryDecision} decides it, by the outcome its history keeps. */
@Singleton
class ReplyCounting {

    private final ReplyMeters meters;

    ReplyCounting(ReplyMeters meters) {
        this.meters = meters;
    }

    /**
     * @param channel the reply's channel
     * @param attempt the attempt, as recorded
     */
    void attempted(String channel, Attempt attempt) {
        meters.attempted(channel, switch (attempt.outcome()) {
            case SENT -> ReplyMeters.Outcome.SENT;
            case RETRY -> ReplyMeters.Outcome.RETRIED;
            case EXHAUSTED -> ReplyMeters.Outcome.DEAD;
            case REFUSED -> ReplyMeters.Outcome.REFUSED;
            case PAUSED -> ReplyMeters.Outcome.PAUSED;
        }, attempt.durationMs());
    }
}
