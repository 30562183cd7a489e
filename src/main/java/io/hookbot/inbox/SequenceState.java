package io.hookbot.inbox;

import java.time.Instant;

/**
 * Where a conversation's numbered batches stand.
 *
 * @param lastBatch   the last batch released into turns, or {@link #NONE} before the first
 * @param lastArrived the batch of the newest numbered event that arrived, or {@link #NONE}: batch 1 means a
 *                    restart only when it follows another number, not when more of batch 1 follows batch 1
 * @param gapSince  when the current gap opened (events are held behind it), or {@code null} if nothing is held
 * @param skipped   how many batch numbers were given up after the gap timeout, in total
 * @param restarts  how many times the numbering started again at 1
 */
public record SequenceState(long lastBatch, long lastArrived, Instant gapSince, long skipped, long restarts) {

    /** {@link #lastBatch} of a conversation that has not released a batch yet. */
    public static final long NONE = -1;

    /** @return the state of a conversation never seen */
    public static SequenceState initial() {
        return new SequenceState(NONE, NONE, null, 0, 0);
    }
}
