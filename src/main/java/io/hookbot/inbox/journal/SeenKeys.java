package io.hookbot.inbox.journal;

import io.hookbot.worker.SafeErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which dedupe keys the inbox table may hold, as the {@link JournalingIntake} knows them: a Bloom filter of every
 * (channel, key) in the table and of every key appended since, so that a webhook whose keys the filter has never
 * seen is stored without asking the table. Most webhooks are new, and their look-up was one query per event on the
 * event loop (docs/benchmarks.md, "Where one webhook's CPU goes").
 *
 * <p>Only the answer "never seen" is trusted; "maybe" is asked of the table as before. It holds because this
 * process is the only writer of webhook events to an embedded H2 file it owns (the journal is used for no other
 * database), the filter is filled from the table before it is used, and every key the intake appends or recovers is
 * added first. A key the table dropped (retention) stays "maybe" and costs the query it always did. Schedule firings,
 * the table's other writer, are on a channel no webhook has. Even a wrong "never seen" could not store an event
 * twice: the insert skips a key the table holds; it would only count the call as stored rather than duplicate.
 *
 * <p>The filter is filled on a thread of its own ({@code inbox-keys}), at the start and again, sized twice as large,
 * once the one in use holds more keys than it was sized for; until it is ready every key is asked of the table. Keys
 * appended meanwhile, and those on their way to the table when the read begins, go into it too. A load that fails
 * is logged and tried again a minute later; lookups go to the table until then. {@link #add} and {@link #mayHold}
 * are called under the intake's append lock, which the loader takes too.
 */
final class SeenKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SeenKeys.class);
    /** Bits per key the filter is sized for: with {@link #HASHES} hashes, about 1% of new keys are "maybe". */
    private static final int BITS_PER_KEY = 10;
    private static final int HASHES = 7;
    /** The fewest keys a filter is sized for (1.25 MB). */
    static final long MIN_CAPACITY = 1L << 20;
    private static final long RETRY_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final int CHUNK = 4096;

    private final EventTable table;
    private final Object lock;
    private final OnTheirWay onTheirWay;
    private final AtomicBoolean loaderRunning = new AtomicBoolean();
    private volatile Filter current;
    private Filter loading;
    private volatile long noLoadBefore = System.nanoTime();

    /**
     * @param table      the inbox table, read for its keys
     * @param lock       the intake's append lock, under which {@link #add} and {@link #mayHold} are called
     * @param onTheirWay the events journaled and not yet in the table
     */
    SeenKeys(EventTable table, Object lock, OnTheirWay onTheirWay) {
        this.table = table;
        this.lock = lock;
        this.onTheirWay = onTheirWay;
    }

    /**
     * @param channel a channel
     * @param key     a dedupe key on it
     * @return false only if the key is certainly not in the table; true when it may be, or before a filter is ready
     */
    boolean mayHold(String channel, String key) {
        Filter filter = current;
        return filter == null || filter.full() || filter.mayHold(channel, key);
    }

    /**
     * @param channel a channel
     * @param keys    dedupe keys on it
     * @return those the table may hold, in their order: the only ones worth looking up
     */
    Set<String> mayHold(String channel, Set<String> keys) {
        Set<String> maybe = new LinkedHashSet<>();
        for (String key : keys) {
            if (mayHold(channel, key)) {
                maybe.add(key);
            }
        }
        return maybe;
    }

    /** @param rows events that are, or are about to be, in the table */
    void addAll(List<NewEvent> rows) {
        for (NewEvent row : rows) {
            add(row.channel(), row.dedupeKey());
        }
    }

    /**
     * Records a key that is, or is about to be, in the table.
     *
     * @param channel a channel
     * @param key     a dedupe key on it
     */
    void add(String channel, String key) {
        Filter filter = current;
        if (filter != null) {
            filter.add(channel, key);
        }
        if (loading != null) {
            loading.add(channel, key);
        }
    }

    /** Starts filling a new filter, unless one is in use with room or is being filled; cheap when not. */
    void loadIfWanted() {
        Filter filter = current;
        if ((filter != null && !filter.full()) || loaderRunning.get() || System.nanoTime() - noLoadBefore < 0
                || !loaderRunning.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(this::load, "inbox-keys");
        loader.setDaemon(true);
        loader.start();
    }

    /** @return whether a filter is being filled now */
    boolean loaderRunning() {
        return loaderRunning.get();
    }

    private void load() {
        try {
            long count = table.count();
            Filter filling = new Filter(Math.max(MIN_CAPACITY, 2 * count));
            synchronized (lock) {
                // keys appended from now on go into it as well; those on their way to the table may arrive after
                // the read below has begun, so they go in now
                loading = filling;
                onTheirWay.forEachKey(filling::add);
            }
            List<String[]> chunk = new ArrayList<>(CHUNK);
            long read = table.forEachKey((channel, key) -> {
                chunk.add(new String[] {channel, key});
                if (chunk.size() == CHUNK) {
                    addAll(filling, chunk);
                }
            });
            addAll(filling, chunk);
            synchronized (lock) {
                current = filling;
                loading = null;
            }
            LOG.debug("Dedupe key filter ready: {} stored keys, room for {}", read, filling.capacity);
        } catch (Throwable e) {
            synchronized (lock) {
                loading = null;
            }
            noLoadBefore = System.nanoTime() + RETRY_NANOS;
            LOG.warn("Could not read the inbox's dedupe keys ({}); each webhook's keys are looked up in the table, "
                    + "and the read is tried again in a minute", SafeErrors.describe(e));
        } finally {
            loaderRunning.set(false);
        }
    }

    private void addAll(Filter filter, List<String[]> chunk) {
        synchronized (lock) {
            for (String[] pair : chunk) {
                filter.add(pair[0], pair[1]);
            }
        }
        chunk.clear();
    }

    /** A Bloom filter of (channel, key) pairs, sized for a number of keys. */
    static final class Filter {

        private final long[] bits;
        private final long size;
        private final long capacity;
        private long added;

        Filter(long capacity) {
            this.capacity = capacity;
            long wanted = capacity * BITS_PER_KEY;
            this.bits = new long[(int) Math.min(Integer.MAX_VALUE - 8, (wanted + 63) / 64)];
            this.size = (long) bits.length * 64;
        }

        void add(String channel, String key) {
            long h1 = hash(channel, key, 0x9E3779B97F4A7C15L);
            long h2 = hash(channel, key, 0xC2B2AE3D27D4EB4FL) | 1;
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.floorMod(h1 + i * h2, size);
                bits[(int) (bit >>> 6)] |= 1L << bit;
            }
            added++;
        }

        boolean mayHold(String channel, String key) {
            long h1 = hash(channel, key, 0x9E3779B97F4A7C15L);
            long h2 = hash(channel, key, 0xC2B2AE3D27D4EB4FL) | 1;
            for (int i = 0; i < HASHES; i++) {
                long bit = Math.floorMod(h1 + i * h2, size);
                if ((bits[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                    return false;
                }
            }
            return true;
        }

        boolean full() {
            return added > capacity;
        }

        /** A 64-bit hash of the channel, a separator and the key, seeded (two seeds give the filter's two hashes). */
        private static long hash(String channel, String key, long seed) {
            long h = seed;
            h = mix(h, channel);
            h = (h ^ 0xFFFF) * 0xFF51AFD7ED558CCDL;
            h = mix(h, key);
            h ^= h >>> 33;
            h *= 0xC4CEB9FE1A85EC53L;
            h ^= h >>> 33;
            return h;
        }

        private static long mix(long h, String text) {
            for (int i = 0; i < text.length(); i++) {
                h = (h ^ text.charAt(i)) * 0x100000001B3L;
                h ^= h >>> 29;
            }
            return h;
        }
    }
}
