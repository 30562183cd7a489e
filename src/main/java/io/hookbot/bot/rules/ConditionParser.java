package io.hookbot.bot.rules;

import io.hookbot.api.MessageKind;
import io.hookbot.bot.rules.yaml.YamlNode;
import io.hookbot.channel.Platforms;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a rule's {@code when}: a mapping of conditions that must all pass, where {@code all}, {@code any} and
 * {@code not} nest further mappings. Collects the names of regex groups for template checks.
 */
final class ConditionParser {

    static final Set<String> KEYS = Set.of("keywords", "phrase", "regex", "platform", "channel", "kind", "role",
            "state", "time", "all", "any", "not", "presence", "first-message", "opted-out");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final Problems problems;
    private final Set<String> knownChannels;
    private final Supplier<Platforms> platforms;
    private final ZoneId zone;
    private final Set<String> captures = new LinkedHashSet<>();

    /**
     * @param problems      where mistakes go
     * @param knownChannels the configured channels, or {@code null} not to check channel names
     * @param platforms     the platforms, whose ids a {@code platform} condition may name
     * @param zone          the bot's time zone, the default of time windows
     */
    ConditionParser(Problems problems, Set<String> knownChannels, Supplier<Platforms> platforms, ZoneId zone) {
        this.problems = problems;
        this.knownChannels = knownChannels;
        this.platforms = platforms;
        this.zone = zone;
    }

    /** @return the named groups of every regex read so far */
    Set<String> captures() {
        return Set.copyOf(captures);
    }

    /**
     * @param node the {@code when} node, or a nested one
     * @return the condition; {@link Condition.Always} where it had mistakes (they are in the problems)
     */
    Condition parse(YamlNode node) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "'when' (and every all/any/not item)", problems).orElse(null);
        if (mapping == null) {
            return new Condition.Always();
        }
        if (mapping.entries().isEmpty()) {
            problems.add(node, "an empty condition; leave 'when' out for a rule that always fires");
        }
        YamlValues.onlyKeys(mapping, KEYS, "a condition", problems);
        List<Condition> all = new ArrayList<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            Condition condition = one(entry.key(), entry.value());
            if (condition != null) {
                all.add(condition);
            }
        }
        // lookups last: a rule whose text or state does not match never looks presence up
        all.sort(java.util.Comparator.comparing(c -> c instanceof LookupCondition.Presence
                || c instanceof LookupCondition.OptedOut));
        return all.size() == 1 ? all.get(0) : all.isEmpty() ? new Condition.Always() : new Condition.All(List.copyOf(all));
    }

    private Condition one(String key, YamlNode value) {
        switch (key) {
            case "keywords":
                return new TextCondition.Keywords(folded(value, "keywords"));
            case "phrase":
                return new TextCondition.Phrase(folded(value, "phrase"));
            case "regex":
                return YamlValues.text(value, "regex", problems).map(source -> regex(value, source)).orElse(null);
            case "platform":
                return new TurnCondition.Platform(names(value, "platform", platforms.get().ids(), "platforms"));
            case "channel":
                return new TurnCondition.Channel(names(value, "channel", knownChannels, "channels configured"));
            case "kind":
                return new TurnCondition.Kind(kinds(value));
            case "role":
                return new TurnCondition.Role(lower(YamlValues.texts(value, "role", problems)));
            case "state":
                return state(value);
            case "time":
                return new TimeWindowParser(problems, zone).parse(value);
            case "all":
            case "any":
                return combination(key, value);
            case "not":
                return new Condition.Not(parse(value));
            case "presence":
                return new PresenceConditionParser(problems, knownChannels).parse(value);
            case "first-message":
                return YamlValues.bool(value, "first-message", problems).map(LookupCondition.FirstMessage::new).orElse(null);
            case "opted-out":
                return new OptedOutConditionParser(problems, knownChannels).parse(value);
            default:
                return null;
        }
    }

    private List<String> folded(YamlNode value, String what) {
        List<String> folded = new ArrayList<>();
        for (String text : YamlValues.texts(value, what, problems)) {
            String f = Normalizer.fold(text);
            if (f.isBlank()) {
                problems.add(value, what + " '" + text + "' has no letters or digits, so it can never match");
            } else {
                folded.add(f);
            }
        }
        return List.copyOf(folded);
    }

    private Condition regex(YamlNode node, String source) {
        try {
            Pattern pattern = Pattern.compile(source, TextCondition.Regex.FLAGS);
            List<String> groups = new ArrayList<>();
            Matcher names = GROUP_NAME.matcher(source);
            while (names.find()) {
                groups.add(names.group(1));
            }
            captures.addAll(groups);
            return new TextCondition.Regex(source, pattern, List.copyOf(groups));
        } catch (PatternSyntaxException e) {
            problems.add(node, "regex is not a valid regular expression: " + e.getDescription()
                    + " at character " + (e.getIndex() + 1) + " of '" + source + "'");
            return null;
        }
    }

    private Set<String> names(YamlNode value, String what, Set<String> known, String knownWhat) {
        Set<String> names = new LinkedHashSet<>(YamlValues.texts(value, what, problems));
        if (known != null) {
            for (String name : names) {
                if (!known.contains(name)) {
                    problems.add(value, "unknown " + what + " '" + name + "'; " + knownWhat + ": "
                            + known.stream().sorted().toList());
                }
            }
        }
        return Set.copyOf(names);
    }

    private Set<MessageKind> kinds(YamlNode value) {
        Set<MessageKind> kinds = new LinkedHashSet<>();
        for (String text : YamlValues.texts(value, "kind", problems)) {
            try {
                kinds.add(MessageKind.valueOf(text.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(value, "unknown kind '" + text + "'; kinds: " + Arrays.stream(MessageKind.values())
                        .map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
            }
        }
        return Set.copyOf(kinds);
    }

    private Condition state(YamlNode value) {
        YamlNode.Mapping mapping = YamlValues.mapping(value, "state", problems).orElse(null);
        if (mapping == null) {
            return null;
        }
        List<Condition> all = new ArrayList<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            YamlNode wanted = entry.value();
            Set<String> values = wanted instanceof YamlNode.Scalar s && s.isNull()
                    ? Set.of() : Set.copyOf(YamlValues.texts(wanted, "state." + entry.key(), problems));
            all.add(new TurnCondition.State(entry.key(), values));
        }
        if (all.isEmpty()) {
            problems.add(value, "state must name at least one key");
        }
        return all.size() == 1 ? all.get(0) : new Condition.All(List.copyOf(all));
    }

    private Condition combination(String key, YamlNode value) {
        if (!(value instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            problems.add(value, key + " must be a non-empty list of conditions, not " + value.describe());
            return null;
        }
        List<Condition> parts = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            parts.add(parse(item));
        }
        return key.equals("all") ? new Condition.All(List.copyOf(parts)) : new Condition.Any(List.copyOf(parts));
    }

    private static Set<String> lower(List<String> texts) {
        Set<String> lower = new LinkedHashSet<>();
        texts.forEach(t -> lower.add(t.toLowerCase(Locale.ROOT)));
        return Set.copyOf(lower);
    }
}
