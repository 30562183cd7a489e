package io.hookbot.bot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A text with <code>{{path}}</code> or <code>{{path | "fallback"}}</code> placeholders. Values are inserted as
 * plain text and never evaluated: a user who writes <code>{{state.x}}</code> in a message gets those characters
 * back, not the state.
 */
final class Template {

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Reads a template and every mistake in it, not only the first: each unknown variable, and an unclosed
     * placeholder (after which nothing more can be read).
     *
     * @param source   the template text
     * @param scope    the variables it may use
     * @param mistakes where each mistake goes, in the order written
     * @return the parsed template; not to be used if a mistake was added
     */
    static Template parse(String source, TemplateScope scope, List<String> mistakes) {
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
                mistakes.add("the placeholder opened with {{ at character " + (open + 1) + " is never closed with }}");
                break;
            }
            if (open > at) {
                parts.add(new Literal(source.substring(at, open)));
            }
            String inside = source.substring(open + 2, close);
            int bar = inside.indexOf('|');
            String path = (bar < 0 ? inside : inside.substring(0, bar)).trim();
            String fallback = bar < 0 ? "" : unquote(inside.substring(bar + 1).trim());
            String problem = scope.check(path);
            if (problem != null) {
                mistakes.add("{{" + inside + "}}: " + problem);
            }
            parts.add(new Placeholder(path, fallback));
            at = close + 2;
        }
        return new Template(source, parts);
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

    @Override
    public String toString() {
        return source;
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
