package io.hookbot.channel;

import io.hookbot.config.Spelling;

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
        Set<String> candidates = new TreeSet<>(keys);
        groups.forEach(g -> candidates.add(g.substring(0, g.length() - 1)));
        return Spelling.closest(unknown, candidates, Math.max(2, unknown.length() / 3));
    }
}
