package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code presence} condition: {@code {user: agent-7, is: offline}} with an optional {@code channel} (a
 * configured channel; default: the event's own) and {@code scope} (a meeting id or Yalgaar channel). {@code is}
 * takes one of {@link PresenceWords} or a list of them; {@code away} needs no scope, {@code joined},
 * {@code waiting} and {@code left} need one.
 */
final class PresenceConditionParser {

    static final Set<String> KEYS = Set.of("user", "channel", "scope", "is");

    private final Problems problems;
    private final Set<String> knownChannels;

    /**
     * @param problems      where mistakes go
     * @param knownChannels the configured channels, or {@code null} not to check channel names
     */
    PresenceConditionParser(Problems problems, Set<String> knownChannels) {
        this.problems = problems;
        this.knownChannels = knownChannels;
    }

    Condition parse(YamlNode node) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "presence", problems).orElse(null);
        if (mapping == null) {
            return null;
        }
        YamlValues.onlyKeys(mapping, KEYS, "presence", problems);
        String user = required(mapping, "user");
        String channel = mapping.get("channel").flatMap(n -> YamlValues.text(n, "presence.channel", problems).map(name -> {
            if (knownChannels != null && !knownChannels.contains(name)) {
                problems.add(n, "unknown channel '" + name + "'; channels configured: " + knownChannels.stream().sorted().toList());
            }
            return name;
        })).orElse(null);
        String scope = mapping.get("scope").flatMap(n -> YamlValues.text(n, "presence.scope", problems)).orElse(null);
        Set<String> is = new LinkedHashSet<>();
        YamlNode isNode = mapping.get("is").orElse(null);
        if (isNode == null) {
            problems.add(node, "presence needs 'is': one of " + (scope == null ? PresenceWords.CHANNEL_WORDS : PresenceWords.SCOPE_WORDS).stream().sorted().toList());
        } else {
            Set<String> allowed = scope == null ? PresenceWords.CHANNEL_WORDS : PresenceWords.SCOPE_WORDS;
            for (String word : YamlValues.texts(isNode, "presence.is", problems)) {
                String w = word.trim().toLowerCase(Locale.ROOT);
                if (allowed.contains(w)) {
                    is.add(w);
                } else if (PresenceWords.SCOPE_WORDS.contains(w)) {
                    problems.add(isNode, "presence.is '" + w + "' needs a scope (the meeting or Yalgaar channel): add scope: <id>");
                } else if (PresenceWords.CHANNEL_WORDS.contains(w)) {
                    problems.add(isNode, "presence.is '" + w + "' is about the channel as a whole; in a scope use one of "
                            + PresenceWords.SCOPE_WORDS.stream().sorted().toList());
                } else {
                    problems.add(isNode, "presence.is: unknown status '" + word + "'; use one of " + allowed.stream().sorted().toList());
                }
            }
        }
        if (user == null || is.isEmpty()) {
            return null;
        }
        return new LookupCondition.Presence(channel, user, scope, Set.copyOf(is));
    }

    private String required(YamlNode.Mapping mapping, String key) {
        YamlNode value = mapping.get(key).orElse(null);
        if (value == null) {
            problems.add(mapping, "presence needs '" + key + "': whose presence, e.g. {user: agent-7, is: offline}");
            return null;
        }
        return YamlValues.text(value, "presence." + key, problems).orElse(null);
    }
}
