package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code send} action: {@code send: {channel: <name>, to: <template>, text: <template>}} with an optional
 * {@code attach: <url template>} or list of them. The channel is a name, checked against the configured channels;
 * the recipient, the text and the attachment URLs are templates.
 */
final class SendActionParser {

    static final Set<String> KEYS = Set.of("channel", "to", "text", "attach");

    private final Problems problems;
    private final TemplateScope scope;

    /**
     * @param problems where mistakes go
     * @param scope    the variables the templates may use, and the configured channels
     */
    SendActionParser(Problems problems, TemplateScope scope) {
        this.problems = problems;
        this.scope = scope;
    }

    Optional<RuleAction.SendAction> parse(YamlNode node) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "send", problems).orElse(null);
        if (mapping == null) {
            return Optional.empty();
        }
        YamlValues.onlyKeys(mapping, KEYS, "send", problems);
        String channel = required(mapping, "channel").flatMap(n -> YamlValues.text(n, "send.channel", problems)).orElse(null);
        Set<String> known = scope.knownChannels();
        if (channel != null && known != null && !known.contains(channel)) {
            problems.add(mapping.get("channel").orElseThrow(), "unknown channel '" + channel
                    + "'; send goes out on a channel configured under hookbot.channels: " + known.stream().sorted().toList());
        }
        Template to = required(mapping, "to").flatMap(n -> template(n, "send.to")).orElse(null);
        Template text = required(mapping, "text").flatMap(n -> template(n, "send.text")).orElse(null);
        List<Template> attach = new ArrayList<>();
        mapping.get("attach").ifPresent(n -> {
            List<YamlNode> items = n instanceof YamlNode.Sequence sequence ? sequence.items() : List.of(n);
            if (items.isEmpty()) {
                problems.add(n, "send.attach must not be an empty list");
            }
            items.forEach(item -> template(item, "send.attach").ifPresent(attach::add));
        });
        if (channel == null || to == null || text == null) {
            return Optional.empty();
        }
        return Optional.of(new RuleAction.SendAction(channel, to, text, attach));
    }

    private Optional<YamlNode> required(YamlNode.Mapping mapping, String key) {
        Optional<YamlNode> value = mapping.get(key);
        if (value.isEmpty()) {
            problems.add(mapping, "send needs '" + key + "': send: {channel: <a configured channel>, to: <recipient>, text: <message>}");
        }
        return value;
    }

    private Optional<Template> template(YamlNode node, String what) {
        return YamlValues.template(node, what, scope, problems);
    }
}
