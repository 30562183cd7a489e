package io.hookbot.inbox.journal;

import io.hookbot.db.DatabaseErrors;
import io.hookbot.worker.SafeErrors;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox's quarantine ({@link InboxQuarantine}) as the {@link JournalingIntake} and the admin API use it: the
 * intake puts aside a journaled event the table refuses for its data; an operator lists them, retries one once the
 * cause is fixed (it is inserted like a redelivery and turned in its conversation's line) or drops it. Empty, and
 * every retry or drop a "not found", when there is no journal (PostgreSQL, or the journal off).
 */
@Singleton
public class QuarantinedEvents {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantinedEvents.class);

    private final EventTable table;
    private final AtomicInteger count = new AtomicInteger();
    private volatile InboxQuarantine quarantine;

    public QuarantinedEvents(EventTable table) {
        this.table = table;
    }

    /** What a retry did. */
    public enum RetryResult {
        /** the event is in the inbox now and waits for its turn */
        STORED,
        /** the inbox had it already (a redelivery was stored meanwhile); the copy is dropped */
        DUPLICATE,
        /** no such quarantined event */
        NOT_FOUND,
        /** the table still refuses it; it stays, with the new error */
        REFUSED
    }

    /**
     * @param folder the quarantine's folder (beside the journal)
     * @throws IOException if it cannot be made or read
     */
    void open(Path folder) throws IOException {
        InboxQuarantine opened = InboxQuarantine.open(folder);
        count.set(opened.count());
        quarantine = opened;
        if (count.get() > 0) {
            LOG.warn("The inbox quarantine holds {} event(s) the inbox table refused; see GET /admin/inbox/quarantine",
                    count.get());
        }
    }

    /**
     * Puts an acknowledged event aside, durably.
     *
     * @param event the event
     * @param error why the table refused it, without its values
     * @throws IOException if it cannot be written (the writer then keeps the event and tries again)
     */
    void put(NewEvent event, String error) throws IOException {
        InboxQuarantine current = require();
        InboxQuarantine.Entry entry = current.put(event, error, Instant.now());
        count.set(current.count());
        LOG.error("An acknowledged event on {} was refused by the inbox table ({}) and is kept in the quarantine as "
                + "{}: GET /admin/inbox/quarantine, then retry or drop it", event.channel(), error, entry.id());
    }

    /** @return how many events are quarantined (0 without a journal) */
    public int count() {
        return quarantine == null ? 0 : count.get();
    }

    /** @return every quarantined event, the oldest first */
    public List<Entry> list() {
        InboxQuarantine current = quarantine;
        if (current == null) {
            return List.of();
        }
        try {
            return current.list().stream().map(QuarantinedEvents::view).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param id a quarantined event's id
     * @return the event, if it is quarantined
     */
    public Optional<Entry> find(String id) {
        InboxQuarantine current = quarantine;
        if (current == null) {
            return Optional.empty();
        }
        try {
            return current.find(id).map(QuarantinedEvents::view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores a quarantined event in the inbox, as a redelivery would be, and lets go of it.
     *
     * @param id its id
     * @return what happened
     */
    public synchronized RetryResult retry(String id) {
        InboxQuarantine current = quarantine;
        try {
            Optional<InboxQuarantine.Entry> entry = current == null ? Optional.empty() : current.find(id);
            if (entry.isEmpty()) {
                return RetryResult.NOT_FOUND;
            }
            NewEvent event = entry.get().event();
            boolean inserted;
            try {
                inserted = table.insert(List.of(event))[0];
            } catch (Exception e) {
                // checked SQL exceptions come through unwrapped
                if (!DatabaseErrors.isCausedByData(e)) {
                    throw e instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("the inbox table could not be written", e);
                }
                current.put(event, SafeErrors.describe(e), Instant.now());
                return RetryResult.REFUSED;
            }
            current.remove(id);
            count.set(current.count());
            table.wake(List.of(event), new boolean[]{inserted});
            return inserted ? RetryResult.STORED : RetryResult.DUPLICATE;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Forgets a quarantined event for good.
     *
     * @param id its id
     * @return whether it was quarantined
     */
    public synchronized boolean drop(String id) {
        InboxQuarantine current = quarantine;
        if (current == null) {
            return false;
        }
        try {
            boolean removed = current.remove(id);
            count.set(current.count());
            if (removed) {
                LOG.info("Dropped the quarantined event {}", id);
            }
            return removed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InboxQuarantine require() throws IOException {
        InboxQuarantine current = quarantine;
        if (current == null) {
            throw new IOException("the inbox quarantine is not open");
        }
        return current;
    }

    private static Entry view(InboxQuarantine.Entry entry) {
        NewEvent event = entry.event();
        return new Entry(entry.id(), event.channel(), event.conversation(), event.type(), event.dedupeKey(),
                event.receivedAt(), entry.quarantinedAt(), entry.error(), event.payload());
    }

    /**
     * A quarantined event, for the admin API.
     *
     * @param id            its id
     * @param channel       its channel
     * @param conversation  its conversation key
     * @param type          its event type
     * @param dedupeKey     its dedupe key
     * @param receivedAt    when its webhook arrived
     * @param quarantinedAt when it was put aside
     * @param error         why the table refused it
     * @param payload       the stored form of the event
     */
    public record Entry(String id, String channel, String conversation, String type, String dedupeKey,
                        Instant receivedAt, Instant quarantinedAt, String error, String payload) {
    }
}
