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

    /**
     * Reads every dedupe key the table holds, in one read transaction, handing them to the visitor as they come.
     *
     * @param visitor takes each (channel, key)
     * @return how many keys it was given
     * @throws Exception on a database error, checked SQL exceptions as they are
     */
    long forEachKey(KeyVisitor visitor) throws Exception;

    /** @return how many events the table holds */
    long count() throws Exception;

    /** Takes the keys {@link #forEachKey} reads. */
    @FunctionalInterface
    interface KeyVisitor {
        /**
         * @param channel a channel
         * @param key     a dedupe key on it
         */
        void visit(String channel, String key);
    }

    /** @return whether the database answers, within a second */
    boolean reachable();
}
