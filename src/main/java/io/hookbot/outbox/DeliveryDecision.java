package io.hookbot.outbox;

import io.hookbot.channel.SendResult;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides what a send attempt means for its row: sent; back in line after a backoff; dead-lettered (refused, or
 * retryable but out of attempts); or waiting because the channel is now paused. Logs each decision once and counts
 * it ({@code hookbot_replies_total}, {@link ReplyCounting}).
 */
@Singleton
public class DeliveryDecision {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDecision.class);

    private final RetryPolicy retries;
    private final ReplyCounting counting;

    DeliveryDecision(RetryPolicy retries, ReplyCounting counting) {
        this.retries = retries;
        this.counting = counting;
    }

    /**
     * @param row        the claimed row
     * @param result     how the attempt ended
     * @param startedAt  when it started
     * @param durationMs how long it took
     * @return the row's new state, with the attempt for the history
     */
    DeliveryOutcome decide(OutboxStore.Claimed row, SendResult result, Instant startedAt, long durationMs) {
        long id = row.message().id();
        String channel = row.message().channel();
        Instant now = startedAt.plusMillis(durationMs);
        int attempts = row.attempts() + 1;
        if (result instanceof SendResult.Sent sent) {
            return outcome(row, OutboxStatus.SENT, attempts, now, sent.reference(), null,
                    new Attempt(startedAt, durationMs, AttemptOutcome.SENT, null, null, null), null);
        }
        if (result instanceof SendResult.Unauthorized refused) {
            // not the reply's fault: it waits, uncounted, for the operator to fix the key and resume the channel
            LOG.error("Channel {} paused: its gateway refused our credentials (HTTP {}) on reply #{}. Its replies"
                    + " wait; fix the channel's key, then POST /admin/channels/{}/resume (GET /admin/outbox/{} has "
                    + "the gateway's answer)", channel, refused.status(), id, channel, id);
            LOG.debug("Reply #{} on {}: {}", id, channel, refused.error());
            return outcome(row, OutboxStatus.PENDING, row.attempts(), now, null, refused.error(),
                    new Attempt(startedAt, durationMs, AttemptOutcome.PAUSED, refused.status(), refused.error(), null),
                    new ChannelPause(channel, refused.error(), refused.status(), id, now));
        }
        if (result instanceof SendResult.Retry retry) {
            Integer status = retry.status() == 0 ? null : retry.status();
            if (retries.mayRetry(attempts)) {
                Instant next = now.plus(retries.delay(attempts, retry.retryAfter()));
                LOG.warn("Reply #{} on {} failed (attempt {}{}), retrying in {} ms", id, channel, attempts,
                        status == null ? "" : ", HTTP " + status, Duration.between(now, next).toMillis());
                LOG.debug("Reply #{} on {}: {}", id, channel, retry.error());
                return outcome(row, OutboxStatus.PENDING, attempts, next, null, retry.error(),
                        new Attempt(startedAt, durationMs, AttemptOutcome.RETRY, status, retry.error(), next), null);
            }
            String error = "gave up after " + attempts + " attempts: " + retry.error();
            LOG.error("Reply #{} on {} dead-lettered after {} attempts{} (GET /admin/outbox/{} has the error)", id,
                    channel, attempts, status == null ? "" : ", last HTTP " + status, id);
            LOG.debug("Reply #{} on {}: {}", id, channel, error);
            return outcome(row, OutboxStatus.FAILED, attempts, now, null, error,
                    new Attempt(startedAt, durationMs, AttemptOutcome.EXHAUSTED, status, retry.error(), null), null);
        }
        SendResult.Failed failed = (SendResult.Failed) result;
        LOG.error("Reply #{} on {} refused{}, dead-lettered (GET /admin/outbox/{} has the error)", id, channel,
                failed.status() == 0 ? "" : " with HTTP " + failed.status(), id);
        LOG.debug("Reply #{} on {}: {}", id, channel, failed.error());
        return outcome(row, OutboxStatus.FAILED, attempts, now, null, failed.error(),
                new Attempt(startedAt, durationMs, AttemptOutcome.REFUSED, failed.status() == 0 ? null : failed.status(),
                        failed.error(), null), null);
    }

    private DeliveryOutcome outcome(OutboxStore.Claimed row, OutboxStatus status, int attempts, Instant next,
                                    String reference, String error, Attempt attempt, ChannelPause pause) {
        counting.attempted(row.message().channel(), attempt);
        return new DeliveryOutcome(row.message().id(), row.claimedUntil(), status, attempts, next, reference, error,
                attempt, pause);
    }
}
