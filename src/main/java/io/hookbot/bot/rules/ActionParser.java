package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a rule's {@code then}: a list of {@code reply: <template>}, {@code send: {channel, to, text}} (read by
 * {@link SendActionParser}), {@code set: {key: <template>}}, {@code clear: key},
 * {@code plugin: <id>} with optional {@code with: {name: <template>}}, {@code handoff: {to, for, note}} (read by
 * {@link HandOffActionParser}); {@code then: []} fires and does nothing, which
 * silences the rules below it.
 */
final class ActionParser {

    static final Set<String> KEYS = Set.of("reply", "send", "set", "clear", "plugin", "with", "handoff");

    private final Problems problems;
    private final TemplateScope scope;
    private final Set<String> knownPlugins;

    /**
     * @param problems     where mistakes go
     * @param scope        the variables the rule's templates may use
     * @param knownPlugins the loaded plugins' ids; {@code null} not to check them
     */
    ActionParser(Problems problems, TemplateScope scope, Set<String> knownPlugins) {
        this.problems = problems;
        this.scope = scope;
        this.knownPlugins = knownPlugins;
    }

    List<RuleAction> parse(YamlNode node) {
        if (!(node instanceof YamlNode.Sequence sequence)) {
            problems.add(node, "'then' must be a list of actions (- reply: …), not " + node.describe());
            return List.of();
        }
        // an empty list is allowed on purpose: the rule answers with silence and stops the rules below
        List<RuleAction> actions = new ArrayList<>();
        for (YamlNode item : sequence.items()) {
            YamlNode.Mapping mapping = YamlValues.mapping(item, "an action", problems).orElse(null);
            if (mapping == null) {
                continue;
            }
            YamlValues.onlyKeys(mapping, KEYS, "an action", problems);
            if (mapping.get("plugin").isPresent()) {
                plugin(mapping, actions);
                continue;
            }
            if (mapping.get("with").isPresent()) {
                problems.add(item, "'with' gives parameters to a plugin: write it under '- plugin: <id>'");
                continue;
            }
            if (mapping.entries().size() != 1) {
                problems.add(item, "an action is exactly one of reply, send, set, clear, plugin or handoff; write each on its own '- ' line");
                continue;
            }
            YamlNode.Entry entry = mapping.entries().get(0);
            switch (entry.key()) {
                case "reply" -> template(entry.value(), "reply")
                        .ifPresent(t -> actions.add(new RuleAction.ReplyAction(t, entry.keyLocation())));
                case "send" -> new SendActionParser(problems, scope).parse(entry.value()).ifPresent(actions::add);
                case "handoff" -> new HandOffActionParser(problems, scope).parse(entry.value())
                        .ifPresent(actions::add);
                case "set" -> set(entry.value(), actions);
                case "clear" -> YamlValues.texts(entry.value(), "clear", problems)
                        .forEach(key -> actions.add(new RuleAction.ClearAction(key)));
                default -> {
                    // reported by onlyKeys
                }
            }
        }
        return List.copyOf(actions);
    }

    private void plugin(YamlNode.Mapping mapping, List<RuleAction> actions) {
        if (mapping.entries().stream().anyMatch(e -> !e.key().equals("plugin") && !e.key().equals("with"))) {
            problems.add(mapping, "a plugin action has only 'plugin' and 'with'; write other actions on their own '- ' line");
            return;
        }
        YamlNode idNode = mapping.get("plugin").orElseThrow();
        String id = YamlValues.text(idNode, "plugin", problems).orElse(null);
        if (id != null && knownPlugins != null && !knownPlugins.contains(id)) {
            problems.add(idNode, "unknown plugin '" + id + "'; plugins loaded: " + knownPlugins.stream().sorted().toList());
        }
        java.util.Map<String, Template> parameters = new java.util.LinkedHashMap<>();
        mapping.get("with").flatMap(node -> YamlValues.mapping(node, "with", problems)).ifPresent(with -> {
            for (YamlNode.Entry entry : with.entries()) {
                template(entry.value(), "with." + entry.key()).ifPresent(t -> parameters.put(entry.key(), t));
            }
        });
        if (id != null) {
            actions.add(new RuleAction.PluginAction(id, parameters));
        }
    }

    private void set(YamlNode node, List<RuleAction> actions) {
        YamlValues.mapping(node, "set", problems).ifPresent(mapping -> {
            if (mapping.entries().isEmpty()) {
                problems.add(node, "set must name at least one key: set: {step: asked}");
            }
            for (YamlNode.Entry entry : mapping.entries()) {
                template(entry.value(), "set." + entry.key())
                        .ifPresent(t -> actions.add(new RuleAction.SetAction(entry.key(), t)));
            }
        });
    }

    private Optional<Template> template(YamlNode node, String what) {
        return YamlValues.template(node, what, scope, problems);
    }
}
