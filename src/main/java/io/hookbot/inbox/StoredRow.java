package io.hookbot.inbox;

import io.hookbot.channel.BatchMark;

/**
 * A row of the inbox read back for a conversation's turns: an event to turn ({@link InboxStore.StoredEvent}), or a
 * numbered call's batch marker ({@link Mark}), which only the {@link Sequencer} reads: it consumes the markers and
 * returns events alone, so nothing after it (the turns, presence, rules, plugins) can meet one.
 */
public sealed interface StoredRow permits InboxStore.StoredEvent, StoredRow.Mark {

    /** @return its inbox id */
    long id();

    /**
     * A call's batch marker, as stored ({@code event_type = 'batch'}).
     *
     * @param id   its inbox id
     * @param mark the marker
     */
    record Mark(long id, BatchMark mark) implements StoredRow {
    }
}
