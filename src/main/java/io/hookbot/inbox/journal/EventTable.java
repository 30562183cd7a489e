package io.hookbot.inbox.journal;


import java.util.List;
import java.util.Set;

/**
 * The inbox table as the intakes and the quarantine write to it: implemented in {@code inbox}, so that this package
 * needs neither the table's SQL, nor transactions, nor the dispatcher.
 */
public interface EventTable {

    /**
     * Inserts events in one transaction, skipping those already stored; their commit is on the disk when this
     * returns ({@link io.hookbot.db.DurableWrites}).
     *
     * @param events the events
     * @return for each event, whether it was inserted (false: a duplicate)
     * @throws Exception on a database error, checked SQL exceptions as they are
     */
    boolean[] insert(List<NewEvent> events) throws Exception;

    /**
     * @param channel    a channel
     * @param dedupeKeys dedupe keys on it
     * @return those of them the table holds
     * @throws Exception on a database error, checked SQL exceptions as they are
     */
    Set<String> existing(String channel, Set<String> dedupeKeys) throws Exception;

    /**
     * Wakes the dispatcher for the conversations of the events that were inserted.
     *
     * @param events   events
     * @param inserted for each, whether {@link #insert} inserted it
     */
    void wake(List<NewEvent> events, boolean[] inserted);

    /** @return whether the database answers, within a second */
    boolean reachable();
}
