package io.hookbot.inbox.journal;

import io.hookbot.channel.StoreOutcome;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How the inbox takes a webhook's events in and when it lets the webhook be acknowledged: the {@link CommittingIntake}
 * once their commit is on the disk, the {@link JournalingIntake} once they are appended to the journal. Either way
 * the events reach the table through one writer thread that groups the waiting webhooks into one transaction; the
 * {@code InboxWriter} picks the intake once, runs that thread and stops it.
 */
public interface Intake {

    /**
     * Takes the events of one webhook call, all or nothing.
     *
     * @param channel the channel
     * @param events  the events, checked already ({@code StorableEvents})
     * @return completes once the events are safe, with how many were new and how many were redeliveries; fails if
     *         the inbox is full or stopping, or the database is unreachable
     * @throws Exception on a database error before anything was taken (checked SQL exceptions as they are)
     */
    CompletableFuture<StoreOutcome> store(String channel, List<NewEvent> events) throws Exception;

    /**
     * One round of the writer thread: the next group of waiting webhooks into the table (waits a moment for one).
     *
     * @throws Exception when the write failed; the writer's supervisor backs off and calls again
     */
    void writeNext() throws Exception;

    /** Refuses every webhook from now on ("hookbot is stopping"); what was taken is still written. */
    void stopAccepting();

    /** @return whether nothing that was taken still waits for the table */
    boolean drained();

    /**
     * @return per channel, events acknowledged that are not in the inbox table yet (they wait for their turn like
     *         the table's pending ones); empty when acknowledgements wait for the table
     */
    Map<String, Long> queued();

    /**
     * @return per channel, when the oldest acknowledged event not yet in the table arrived; empty when
     *         acknowledgements wait for the table or it has caught up
     */
    Map<String, Instant> oldestQueued();

    /** Lets go of what the intake holds open, once the writer thread has stopped. */
    void close();
}
