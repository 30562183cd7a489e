package io.hookbot.channel.http;

import io.hookbot.api.Attachment;
import io.hookbot.channel.OutboundMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A template over an outgoing reply: text with <code>{{path}}</code> or <code>{{path | fallback}}</code>
 * placeholders. Paths: {@code id} (the outbox row id), {@code channel}, {@code text}, {@code replyTo.<key>} (the
 * platform's address fields), {@code attachment.url}, {@code attachment.type}, {@code attachment.name} (the first
 * attachment). Values are inserted through an escaper chosen for where the template is used (JSON string, URL,
 * header), never evaluated.
 */
final class ReplyTemplate {

    private final String source;
    private final List<Object> parts;

    private ReplyTemplate(String source, List<Object> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * A placeholder.
     *
     * @param path     what it names
     * @param fallback the value when the reply has none, or {@code null} to make a missing value an error
     */
    private record Placeholder(String path, String fallback) {
    }

    /**
     * @param source the template
     * @return the parsed template
     * @throws IllegalArgumentException naming an unclosed placeholder or an unknown path
     */
    static ReplyTemplate parse(String source) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            if (open < 0) {
                parts.add(source.substring(at));
                break;
            }
            int close = source.indexOf("}}", open);
            if (close < 0) {
                throw new IllegalArgumentException("the placeholder opened at character " + (open + 1) + " is never closed");
            }
            parts.add(source.substring(at, open));
            String inside = source.substring(open + 2, close);
            int bar = inside.indexOf('|');
            String path = (bar < 0 ? inside : inside.substring(0, bar)).trim();
            String fallback = bar < 0 ? null : inside.substring(bar + 1).trim();
            if (!path.equals("id") && !path.equals("channel") && !path.equals("text")
                    && !path.matches("replyTo\\.[A-Za-z0-9_-]+") && !path.matches("attachment\\.(url|type|name)")) {
                throw new IllegalArgumentException("{{" + path + "}} is not a reply field; use id, channel, text,"
                        + " replyTo.<key>, attachment.url, attachment.type or attachment.name");
            }
            parts.add(new Placeholder(path, fallback));
            at = close + 2;
        }
        return new ReplyTemplate(source, parts);
    }

    /**
     * @param message the reply
     * @param escape  how to write a value where the template is used
     * @return the text
     * @throws MissingValueException if a placeholder without fallback has no value in this reply
     */
    String render(OutboundMessage message, UnaryOperator<String> escape) throws MissingValueException {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                String value = value(message, placeholder.path()).orElse(placeholder.fallback());
                if (value == null) {
                    throw new MissingValueException(placeholder.path());
                }
                out.append(escape.apply(value));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    /**
     * @param escape how to write a value
     * @return the template with every placeholder replaced by {@code x}, to check its shape at startup
     */
    String sample(UnaryOperator<String> escape) {
        StringBuilder out = new StringBuilder();
        parts.forEach(part -> out.append(part instanceof Placeholder ? escape.apply("x") : (String) part));
        return out.toString();
    }

    private static Optional<String> value(OutboundMessage message, String path) {
        Attachment first = message.attachments().isEmpty() ? null : message.attachments().get(0);
        return Optional.ofNullable(switch (path) {
            case "id" -> Long.toString(message.id());
            case "channel" -> message.channel();
            case "text" -> message.text();
            case "attachment.url" -> first == null ? null : first.url();
            case "attachment.type" -> first == null ? null : first.type();
            case "attachment.name" -> first == null ? null : first.name();
            default -> message.replyTo().get(path.substring("replyTo.".length()));
        });
    }

    @Override
    public String toString() {
        return source;
    }

    /** A placeholder without fallback has no value in the reply being sent. */
    static final class MissingValueException extends Exception {

        /** @param path the placeholder */
        MissingValueException(String path) {
            super("{{" + path + "}} has no value in this reply", null, false, false);
        }
    }
}
