package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads typed values out of {@link YamlNode}s, reporting a wrong type as a problem at the node. */
final class YamlValues {

    private YamlValues() {
    }

    /** A non-blank scalar as text (numbers and booleans read as written), or empty after reporting a problem. */
    static Optional<String> text(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && !scalar.text().isBlank()) {
            return Optional.of(scalar.text());
        }
        problems.add(node, what + " must be a non-empty text, not " + node.describe());
        return Optional.empty();
    }

    /**
     * A time zone name.
     *
     * @param fallback what to go on with after reporting an unknown name
     */
    static ZoneId zone(YamlNode node, String text, Problems problems, ZoneId fallback) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add(node, "unknown time zone '" + text + "'; use a name like Europe/Paris or UTC");
            return fallback;
        }
    }

    /** A template text, parsed against the variables in scope; empty after reporting each of its problems. */
    static Optional<Template> template(YamlNode node, String what, TemplateScope scope, Problems problems) {
        return text(node, what, problems).flatMap(text -> {
            List<String> mistakes = new ArrayList<>();
            Template template = Template.parse(text, scope, mistakes);
            mistakes.forEach(mistake -> problems.add(node, what + ": " + mistake));
            return mistakes.isEmpty() ? Optional.of(template) : Optional.empty();
        });
    }

    /** One text or a list of texts; empty after reporting a problem. */
    static List<String> texts(YamlNode node, String what, Problems problems) {
        List<String> values = new ArrayList<>();
        if (node instanceof YamlNode.Sequence sequence) {
            if (sequence.items().isEmpty()) {
                problems.add(node, what + " must not be an empty list");
            }
            for (YamlNode item : sequence.items()) {
                text(item, what + " items", problems).ifPresent(values::add);
            }
        } else if (node instanceof YamlNode.Scalar) {
            text(node, what, problems).ifPresent(values::add);
        } else {
            problems.add(node, what + " must be a text or a list of texts, not " + node.describe());
        }
        return values;
    }

    static Optional<YamlNode.Mapping> mapping(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlNode.Mapping mapping) {
            return Optional.of(mapping);
        }
        problems.add(node, what + " must be a mapping (key: value lines), not " + node.describe());
        return Optional.empty();
    }

    /** A whole number between the bounds; empty after reporting a problem. */
    static Optional<Integer> integer(YamlNode node, String what, int min, int max, Problems problems) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.Scalar.Type.NUMBER) {
            try {
                int value = Integer.parseInt(scalar.text().replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // a decimal, or too large: reported below
            }
        }
        problems.add(node, what + " must be a whole number from " + min + " to " + max + ", not " + node.describe());
        return Optional.empty();
    }

    static Optional<Boolean> bool(YamlNode node, String what, Problems problems) {
        if (node instanceof YamlNode.Scalar scalar && scalar.type() == YamlNode.Scalar.Type.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(scalar.text().toLowerCase()));
        }
        problems.add(node, what + " must be true or false, not " + node.describe());
        return Optional.empty();
    }

    /**
     * Reports every key of the mapping that is not allowed, at the key, with the nearest allowed key.
     *
     * @return the allowed keys suggested instead of a wrong one: the caller does not also report them missing, since
     *         that is the same mistake
     */
    static Set<String> onlyKeys(YamlNode.Mapping mapping, Set<String> allowed, String where, Problems problems) {
        Set<String> suggested = new HashSet<>();
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!allowed.contains(entry.key())) {
                Optional<String> nearest = Suggestion.nearest(entry.key(), allowed);
                nearest.ifPresent(suggested::add);
                problems.add(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + where + "; "
                        + nearest.map(k -> "did you mean '" + k + "'? ").orElse("")
                        + "expected one of " + allowed.stream().sorted().toList());
            }
        }
        return suggested;
    }
}
