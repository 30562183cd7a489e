package io.hookbot.outbox;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.ChannelRegistry;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One lane per channel on the shared sender threads, enforcing the channel's {@code send.concurrency} (sends in
 * flight at once) and {@code send.rate} (sends per second). Work beyond the concurrency waits in the lane, so a
 * throttled channel holds at most its concurrency of the shared threads and never starves the other channels.
 */
final class ChannelLanes {

    private final Executor executor;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Duration lease;

    /**
     * @param executor the shared sender threads
     * @param channels the configured channels, whose limits are checked here so a bad one stops the startup
     * @param lease    how long a claim lasts; a lane never holds more than it can send well within that
     */
    ChannelLanes(Executor executor, ChannelRegistry channels, Duration lease) {
        this.executor = executor;
        this.lease = lease;
        for (ChannelConfig channel : channels.all()) {
            lanes.put(channel.name(), laneFor(channel));
        }
    }

    /**
     * Runs work for a channel when its lane has room, after waiting for its rate.
     *
     * @param channel the channel
     * @param rows    how many rows the work sends
     * @param work    the work; called with the lane's rate limiter to take before each send
     */
    void submit(String channel, int rows, java.util.function.Consumer<Permit> work) {
        lanes.computeIfAbsent(channel, name -> new Lane(Integer.MAX_VALUE, null, Integer.MAX_VALUE))
                .submit(rows, work);
    }

    /** @return the channels whose lanes hold as many rows as they should; claim nothing more for them now */
    Set<String> full() {
        Set<String> full = new HashSet<>();
        lanes.forEach((name, lane) -> {
            if (lane.queuedRows.get() >= lane.cap) {
                full.add(name);
            }
        });
        return full;
    }

    /**
     * @param channel a channel
     * @return whether its lane holds as many rows as it should
     */
    boolean isFull(String channel) {
        Lane lane = lanes.get(channel);
        return lane != null && lane.queuedRows.get() >= lane.cap;
    }

    /** Taken before each send: waits for the channel's rate. */
    interface Permit {
        /** @throws InterruptedException if interrupted while waiting */
        void acquire() throws InterruptedException;
    }

    private Lane laneFor(ChannelConfig channel) {
        Optional<Double> rate = channel.setting("send.rate").map(value -> number(channel, "send.rate", value));
        Optional<Integer> concurrency = channel.setting("send.concurrency")
                .map(value -> number(channel, "send.concurrency", value))
                .map(value -> {
                    if (value != Math.rint(value) || value < 1) {
                        throw new ChannelConfigException(key(channel, "send.concurrency")
                                + " must be a whole number of at least 1, not '" + value + "'");
                    }
                    return value.intValue();
                });
        int limit = concurrency.orElse(Integer.MAX_VALUE);
        // keep what a lane holds sendable in a quarter of the lease, so queued claims never lapse
        long byRate = rate.map(r -> (long) Math.max(1, r * lease.toSeconds() / 4)).orElse(Long.MAX_VALUE);
        long byConcurrency = concurrency.map(c -> (long) c * 8).orElse(Long.MAX_VALUE);
        int cap = (int) Math.min(Integer.MAX_VALUE, Math.min(byRate, byConcurrency));
        return new Lane(limit, rate.map(RateLimiter::new).orElse(null), cap);
    }

    private static double number(ChannelConfig channel, String key, String value) {
        try {
            double number = Double.parseDouble(value.trim());
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ChannelConfigException(key(channel, key) + " must be a number above 0, not '" + value + "'");
        }
    }

    private static String key(ChannelConfig channel, String key) {
        return "hookbot.channels." + channel.name() + "." + key;
    }

    private final class Lane {
        private final int concurrency;
        private final RateLimiter limiter;
        private final int cap;
        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
        private final AtomicInteger queuedRows = new AtomicInteger();
        private int running;

        Lane(int concurrency, RateLimiter limiter, int cap) {
            this.concurrency = concurrency;
            this.limiter = limiter;
            this.cap = cap;
        }

        void submit(int rows, java.util.function.Consumer<Permit> work) {
            queuedRows.addAndGet(rows);
            Permit permit = limiter == null ? () -> { } : limiter::acquire;
            Runnable task = () -> {
                try {
                    work.accept(permit);
                } finally {
                    queuedRows.addAndGet(-rows);
                    next();
                }
            };
            synchronized (this) {
                if (running < concurrency) {
                    running++;
                } else {
                    waiting.add(task);
                    return;
                }
            }
            executor.execute(task);
        }

        private void next() {
            Runnable task;
            synchronized (this) {
                task = waiting.poll();
                if (task == null) {
                    running--;
                    return;
                }
            }
            executor.execute(task);
        }
    }
}
