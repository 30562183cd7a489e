package io.hookbot.bot.plugins;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the plugin calls that were cut off, by plugin and by kind, since the application started. */
@Singleton
public class PluginFailures {

    /** Why a call was cut off. */
    public enum Kind {
        /** The plugin threw. */
        THREW,
        /** It returned {@code null}, a {@code null} action, or an action with missing fields. */
        INVALID,
        /** It ran past its time budget. */
        TIMED_OUT,
        /** Every plugin thread was busy and the queue full (quarantined plugins that hang fill it up). */
        BUSY
    }

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * @param plugin the plugin's id
     * @param kind   why it was cut off
     */
    public void record(String plugin, Kind kind) {
        counts.computeIfAbsent(plugin + "/" + kind, k -> new LongAdder()).increment();
    }

    /**
     * @param plugin a plugin's id
     * @param kind   a kind of failure
     * @return how many of its calls were cut off for that reason
     */
    public long count(String plugin, Kind kind) {
        LongAdder count = counts.get(plugin + "/" + kind);
        return count == null ? 0 : count.sum();
    }

    /**
     * @param plugin a plugin's id
     * @return how many of its calls were cut off, for any reason
     */
    public long count(String plugin) {
        long total = 0;
        for (Kind kind : Kind.values()) {
            total += count(plugin, kind);
        }
        return total;
    }

    /** @return every count, as {@code plugin/KIND}, in name order */
    public Map<String, Long> all() {
        Map<String, Long> all = new TreeMap<>();
        counts.forEach((key, count) -> all.put(key, count.sum()));
        return all;
    }
}
