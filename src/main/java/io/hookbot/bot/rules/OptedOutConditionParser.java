package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.Set;

/**
 * Reads an {@code opted-out} condition: {@code opted-out: true} (or {@code false}) asks about the turn's sender;
 * {@code opted-out: {channel: sms-main, to: "+15550100", is: true}} about a recipient a rule would send to, where
 * {@code channel} is a configured channel and {@code is} defaults to {@code true}.
 */
final class OptedOutConditionParser {

    static final Set<String> KEYS = Set.of("channel", "to", "is");

    private final Problems problems;
    private final Set<String> knownChannels;

    /**
     * @param problems      where mistakes go
     * @param knownChannels the configured channels, or {@code null} not to check channel names
     */
    OptedOutConditionParser(Problems problems, Set<String> knownChannels) {
        this.problems = problems;
        this.knownChannels = knownChannels;
    }

    Condition parse(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            return YamlValues.bool(node, "opted-out", problems)
                    .map(wanted -> new LookupCondition.OptedOut(null, null, wanted)).orElse(null);
        }
        YamlValues.onlyKeys(mapping, KEYS, "opted-out", problems);
        String channel = mapping.get("channel").flatMap(n -> YamlValues.text(n, "opted-out.channel", problems)
                .map(name -> {
                    if (knownChannels != null && !knownChannels.contains(name)) {
                        problems.add(n, "unknown channel '" + name + "'; channels configured: "
                                + knownChannels.stream().sorted().toList());
                    }
                    return name;
                })).orElse(null);
        String to = mapping.get("to").flatMap(n -> YamlValues.text(n, "opted-out.to", problems)).orElse(null);
        boolean wanted = mapping.get("is").flatMap(n -> YamlValues.bool(n, "opted-out.is", problems)).orElse(true);
        if (channel == null || to == null || to.isBlank()) {
            problems.add(node, "opted-out about a recipient needs 'channel' and 'to', e.g. "
                    + "{channel: sms-main, to: \"+15550100\"}; opted-out: true asks about the sender");
            return null;
        }
        return new LookupCondition.OptedOut(channel, to.trim(), wanted);
    }
}
