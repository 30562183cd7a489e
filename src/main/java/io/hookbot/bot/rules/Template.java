package io.hookbot.bot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A reply template: text with <code>{{path}}</code> or <code>{{path | fallback}}</code> placeholders. Values are
 * inserted as plain text and never evaluated, so whatever a user wrote cannot change what the template does.
 */
final class Template {

    /** The roots a placeholder may start with. */
    static final Set<String> ROOTS = Set.of("text", "channel", "conversation", "sender", "match", "state", "now", "event");

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    /**
     * @param source the template text
     * @return the parsed template
     * @throws IllegalArgumentException naming an unclosed placeholder or an unknown variable
     */
    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                parts.add(new Literal(source.substring(at)));
                break;
            }
            int close = source.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("placeholder opened with {{ at character " + (open + 1) + " is never closed");
            }
            if (open > at) {
                parts.add(new Literal(source.substring(at, open)));
            }
            String inside = source.substring(open + 2, close);
            int bar = inside.indexOf('|');
            String path = (bar < 0 ? inside : inside.substring(0, bar)).trim();
            String fallback = bar < 0 ? "" : unquote(inside.substring(bar + 1).trim());
            String root = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            if (!ROOTS.contains(root)) {
                throw new IllegalArgumentException("unknown variable '" + path + "' in {{" + inside + "}}; known: "
                        + String.join(", ", new java.util.TreeSet<>(ROOTS)));
            }
            parts.add(new Placeholder(path, fallback));
            at = close + 2;
        }
        return new Template(parts);
    }

    /**
     * @param lookup resolves a placeholder path to its value, or {@code null} when it has none
     * @return the rendered text
     */
    String render(Function<String, String> lookup) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text);
            } else if (part instanceof Placeholder placeholder) {
                String value = lookup.apply(placeholder.path);
                out.append(value == null || value.isEmpty() ? placeholder.fallback : value);
            }
        }
        return out.toString();
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String path, String fallback) implements Part {
    }
}
