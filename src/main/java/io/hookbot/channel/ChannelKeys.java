package io.hookbot.channel;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings a channel may have, relative to {@code hookbot.channels.<name>.}: exact keys ({@code secret},
 * {@code send.url}) and groups, a prefix followed by names of the user's choosing ({@code send.http.headers.}).
 * Each platform declares its own ({@link Platform#settingKeys()}); {@link ChannelRegistry} adds the keys every
 * channel may have, reads exactly these, and refuses any other key it finds with a "did you mean".
 *
 * @param keys   the exact keys
 * @param groups the group prefixes, each ending with a dot
 */
public record ChannelKeys(Set<String> keys, Set<String> groups) {

    /** No settings at all. */
    public static final ChannelKeys NONE = new ChannelKeys(Set.of(), Set.of());

    public ChannelKeys {
        keys = Set.copyOf(keys);
        groups = Set.copyOf(groups);
    }

    /**
     * @param keys exact keys
     * @return those keys, no groups
     */
    public static ChannelKeys of(String... keys) {
        return new ChannelKeys(Set.of(keys), Set.of());
    }

    /**
     * @param prefixes group prefixes, each ending with a dot
     * @return these keys and those groups
     */
    public ChannelKeys withGroups(String... prefixes) {
        Set<String> all = new TreeSet<>(groups);
        for (String prefix : prefixes) {
            if (!prefix.endsWith(".")) {
                throw new IllegalArgumentException("a group prefix ends with a dot: " + prefix);
            }
            all.add(prefix);
        }
        return new ChannelKeys(keys, all);
    }

    /**
     * @param other more keys
     * @return the keys and groups of both
     */
    public ChannelKeys plus(ChannelKeys other) {
        Set<String> allKeys = new TreeSet<>(keys);
        allKeys.addAll(other.keys);
        Set<String> allGroups = new TreeSet<>(groups);
        allGroups.addAll(other.groups);
        return new ChannelKeys(allKeys, allGroups);
    }

    /**
     * @param key a key relative to the channel
     * @return whether it is one of the keys or within one of the groups
     */
    public boolean knows(String key) {
        return keys.contains(key) || group(key).isPresent();
    }

    /**
     * @param key a key relative to the channel
     * @return the group it belongs to, if any (the key is longer than the prefix)
     */
    public Optional<String> group(String key) {
        return groups.stream().filter(g -> key.startsWith(g) && key.length() > g.length()).findFirst();
    }

    /**
     * @param unknown a key that is not known
     * @return the known key it most likely misspells, if one is close enough
     */
    public Optional<String> closest(String unknown) {
        int allowed = Math.max(2, unknown.length() / 3);
        Set<String> candidates = new TreeSet<>(keys);
        groups.forEach(g -> candidates.add(g.substring(0, g.length() - 1)));
        return candidates.stream()
                .map(known -> new Scored(known, distance(unknown, known)))
                .filter(scored -> scored.distance() <= allowed)
                .min(Comparator.comparingInt(Scored::distance).thenComparing(Scored::key))
                .map(Scored::key);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private record Scored(String key, int distance) {
    }
}
