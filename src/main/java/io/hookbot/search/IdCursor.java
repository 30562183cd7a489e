package io.hookbot.search;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far the indexer has read {@code inbox_event} by id, allowing for ids that commit out of order. Ids are taken
 * when a row is inserted, not when it commits: on PostgreSQL, with several instances (or the schedule poller beside
 * the intake), the row with id 100 may become visible after the one with id 101, and a plain "everything after the
 * last id read" would pass over it for good. So an id skipped over (a gap) is remembered and looked for again for
 * {@code patience}; after that it is taken for an id never used (a rolled-back insert, a conflict, an identity
 * cache's jump) and given up. {@link #through()}, what is stored as the cursor, stays below the oldest gap still
 * looked for, so a restart reads again from there (indexing is idempotent) and misses nothing.
 *
 * <p>Not thread-safe: the indexer's one thread uses it.
 */
final class IdCursor {

    /** Gaps looked for again at most, per round. */
    static final int MAX_GAPS_READ = 50;

    private final long patienceNanos;
    private long highest;
    /** First id of each gap still looked for: its last id and when it was first seen (as System.nanoTime). */
    private final TreeMap<Long, long[]> gaps = new TreeMap<>();

    /**
     * @param through       the stored cursor: every id up to it was indexed or given up
     * @param patienceNanos how long a gap is looked for
     */
    IdCursor(long through, long patienceNanos) {
        this.highest = through;
        this.patienceNanos = patienceNanos;
    }

    /** @return every id up to this was indexed or given up: the cursor to store */
    long through() {
        return gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    }

    /** @return the highest id read; the next read starts after it */
    long highest() {
        return highest;
    }

    /** @return the gaps to look for again, oldest ids first, each {@code {first, last}} */
    List<long[]> gaps() {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, long[]> gap : gaps.entrySet()) {
            if (out.size() == MAX_GAPS_READ) {
                break;
            }
            out.add(new long[] {gap.getKey(), gap.getValue()[0]});
        }
        return out;
    }

    /**
     * Records ids read after {@link #highest()}.
     *
     * @param ids the ids, ascending, all above {@link #highest()}
     * @param now the time, as {@link System#nanoTime()}
     */
    void read(List<Long> ids, long now) {
        for (long id : ids) {
            if (id > highest + 1) {
                gaps.put(highest + 1, new long[] {id - 1, now});
            }
            highest = Math.max(highest, id);
        }
    }

    /**
     * Records an id found in a gap.
     *
     * @param id the id
     */
    void found(long id) {
        Map.Entry<Long, long[]> gap = gaps.floorEntry(id);
        if (gap == null || gap.getValue()[0] < id) {
            return;
        }
        long first = gap.getKey();
        long last = gap.getValue()[0];
        long seen = gap.getValue()[1];
        gaps.remove(first);
        if (first < id) {
            gaps.put(first, new long[] {id - 1, seen});
        }
        if (id < last) {
            gaps.put(id + 1, new long[] {last, seen});
        }
    }

    /**
     * Gives up the gaps looked for longer than the patience.
     *
     * @param now the time, as {@link System#nanoTime()}
     * @return how many ids were given up
     */
    long expire(long now) {
        long given = 0;
        for (Iterator<Map.Entry<Long, long[]>> it = gaps.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, long[]> gap = it.next();
            if (now - gap.getValue()[1] > patienceNanos) {
                given += gap.getValue()[0] - gap.getKey() + 1;
                it.remove();
            }
        }
        return given;
    }
}
