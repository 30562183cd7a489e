package io.hookbot.inbox.journal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journaled events not yet in the table: their keys, for the look-up that keeps a redelivery from being journaled
 * twice (an event leaves only once the table holds it), and how many there are, in all and per channel, for the
 * backlog limit and the operator's pending counts.
 */
final class OnTheirWay {

    /** Channel and dedupe key of each. */
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> byChannel = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /** @return whether an event with this channel and key is journaled and not yet in the table */
    boolean contains(NewEvent row) {
        return keys.contains(key(row));
    }

    /** @param rows events just journaled (or recovered from the journal) */
    void add(List<NewEvent> rows) {
        for (NewEvent row : rows) {
            keys.add(key(row));
        }
        count(rows, 1);
    }

    /**
     * Forgets the keys of events now in the table, so a later redelivery is found there instead.
     *
     * @param rows the events written
     */
    void arrived(List<NewEvent> rows) {
        for (NewEvent row : rows) {
            keys.remove(key(row));
        }
    }

    /**
     * Stops counting events whose writes are done (after {@link #arrived}, once the group is woken).
     *
     * @param rows the events
     */
    void uncount(List<NewEvent> rows) {
        count(rows, -1);
    }

    /** @param visitor given the channel and dedupe key of each event on its way */
    void forEachKey(EventTable.KeyVisitor visitor) {
        for (String key : keys) {
            int cut = key.indexOf('\n');
            visitor.visit(key.substring(0, cut), key.substring(cut + 1));
        }
    }

    /** @return how many are on their way */
    long size() {
        return total.get();
    }

    /** @return how many are on their way, per channel that has any */
    Map<String, Long> byChannel() {
        Map<String, Long> result = new TreeMap<>();
        byChannel.forEach((channel, count) -> {
            if (count.get() > 0) {
                result.put(channel, count.get());
            }
        });
        return result;
    }

    private void count(List<NewEvent> rows, int sign) {
        total.addAndGet(sign * (long) rows.size());
        for (NewEvent row : rows) {
            byChannel.computeIfAbsent(row.channel(), c -> new AtomicLong()).addAndGet(sign);
        }
    }

    private static String key(NewEvent row) {
        return row.channel() + '\n' + row.dedupeKey();
    }
}
