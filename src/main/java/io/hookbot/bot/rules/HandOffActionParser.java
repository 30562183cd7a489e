package io.hookbot.bot.rules;

import io.hookbot.api.HandOff;
import io.hookbot.bot.guard.Durations;
import io.hookbot.bot.rules.yaml.YamlNode;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code handoff} action: {@code handoff: {to: {channel: <name>, address: <template>}, for: 4h, note:
 * <template>}}. {@code for} (required) is the idle time: the conversation goes back to the bot after that long
 * without a message either way; {@code to} (optional) is where the customer's messages are forwarded, a configured
 * channel and an address in its platform's terms; {@code note} (optional) says why, for the agent and the timeline.
 */
final class HandOffActionParser {

    static final Set<String> KEYS = Set.of("to", "for", "note");
    static final Set<String> TO_KEYS = Set.of("channel", "address");
    private static final String SHAPE = "handoff: {to: {channel: <a configured channel>, address: <agent>}, "
            + "for: 4h, note: <why>}";

    private final Problems problems;
    private final TemplateScope scope;

    /**
     * @param problems where mistakes go
     * @param scope    the variables the templates may use, and the configured channels
     */
    HandOffActionParser(Problems problems, TemplateScope scope) {
        this.problems = problems;
        this.scope = scope;
    }

    Optional<RuleAction.HandOffAction> parse(YamlNode node) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "handoff", problems).orElse(null);
        if (mapping == null) {
            return Optional.empty();
        }
        YamlValues.onlyKeys(mapping, KEYS, "handoff", problems);
        Duration idle = idle(mapping).orElse(null);
        Template note = mapping.get("note").flatMap(n -> YamlValues.template(n, "handoff.note", scope, problems))
                .orElse(null);
        String channel = null;
        Template address = null;
        boolean targetOk = true;
        Optional<YamlNode> toNode = mapping.get("to");
        if (toNode.isPresent()) {
            YamlNode.Mapping to = YamlValues.mapping(toNode.get(), "handoff.to", problems).orElse(null);
            targetOk = to != null;
            if (to != null) {
                YamlValues.onlyKeys(to, TO_KEYS, "handoff.to", problems);
                channel = required(to, "channel").flatMap(n -> YamlValues.text(n, "handoff.to.channel", problems))
                        .orElse(null);
                Set<String> known = scope.knownChannels();
                if (channel != null && known != null && !known.contains(channel)) {
                    problems.add(to.get("channel").orElseThrow(), "unknown channel '" + channel + "'; a hand-off "
                            + "forwards on a channel configured under hookbot.channels: " + known.stream().sorted()
                            .toList());
                }
                address = required(to, "address")
                        .flatMap(n -> YamlValues.template(n, "handoff.to.address", scope, problems)).orElse(null);
                targetOk = channel != null && address != null;
            }
        }
        if (idle == null || !targetOk) {
            return Optional.empty();
        }
        return Optional.of(new RuleAction.HandOffAction(channel, address, idle, note));
    }

    private Optional<Duration> idle(YamlNode.Mapping mapping) {
        Optional<YamlNode> node = mapping.get("for");
        if (node.isEmpty()) {
            problems.add(mapping, "handoff needs 'for', the idle time after which the bot takes over again: " + SHAPE);
            return Optional.empty();
        }
        Optional<String> text = YamlValues.text(node.get(), "handoff.for", problems);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> idle = Durations.parse(text.get());
        if (idle.isEmpty() || idle.get().compareTo(HandOff.MIN_IDLE) < 0 || idle.get().compareTo(HandOff.MAX_IDLE) > 0) {
            problems.add(node.get(), "handoff.for must be a duration from 1s to 30d such as 90s, 15m, 4h or 2d, not '"
                    + text.get() + "'");
            return Optional.empty();
        }
        return idle;
    }

    private Optional<YamlNode> required(YamlNode.Mapping mapping, String key) {
        Optional<YamlNode> value = mapping.get(key);
        if (value.isEmpty()) {
            problems.add(mapping, "handoff.to needs '" + key + "': " + SHAPE);
        }
        return value;
    }
}
