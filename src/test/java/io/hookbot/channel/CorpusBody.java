package io.hookbot.channel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhook bodies for the bad-input corpus: a tree of maps, lists and values, changed at one path and written as JSON
 * or as a PHP-style form ({@code data[phone]=…}). Written by hand rather than by Jackson so that a body can carry
 * what no JSON library writes: bytes that are not UTF-8, a lone surrogate escape, {@code 1e400}.
 */
final class CorpusBody {

    /**
     * A value written exactly as given.
     *
     * @param json its bytes in a JSON body, where a token goes
     * @param form its bytes in a form, after the {@code =}, already encoded
     */
    record Raw(byte[] json, byte[] form) {

        /** @return the same text as a JSON token and as a form value */
        static Raw of(String token) {
            byte[] bytes = token.getBytes(StandardCharsets.US_ASCII);
            return new Raw(bytes, bytes);
        }
    }

    /** A form field whose value is a JSON document (Webinato's {@code msgsJSON}), percent-encoded byte by byte. */
    record JsonText(Object tree) {
    }

    private CorpusBody() {
    }

    /** @return a deep copy of a tree, to change one path of it */
    static Object copy(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        if (tree instanceof JsonText text) {
            return new JsonText(copy(text.tree()));
        }
        return tree;
    }

    /**
     * @param tree  a tree (changed)
     * @param path  map keys and list indexes; a {@link JsonText} is stepped into
     * @param value the new value
     */
    @SuppressWarnings("unchecked")
    static void set(Object tree, List<Object> path, Object value) {
        Object node = tree;
        for (int i = 0; i < path.size(); i++) {
            if (node instanceof JsonText text) {
                node = text.tree();
            }
            Object step = path.get(i);
            boolean last = i == path.size() - 1;
            if (step instanceof Integer index) {
                List<Object> list = (List<Object>) node;
                if (last) {
                    list.set(index, value);
                }
                node = list.get(index);
            } else {
                Map<String, Object> map = (Map<String, Object>) node;
                if (last) {
                    map.put((String) step, value);
                }
                node = map.get(step);
            }
        }
    }

    /** @return the tree as a JSON document, ASCII only (every other character escaped as {@code \\uXXXX}) */
    static byte[] json(Object tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeJson(out, tree);
        return out.toByteArray();
    }

    private static void writeJson(ByteArrayOutputStream out, Object value) {
        if (value instanceof Map<?, ?> map) {
            out.write('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.write(',');
                }
                first = false;
                writeString(out, (String) entry.getKey());
                out.write(':');
                writeJson(out, entry.getValue());
            }
            out.write('}');
        } else if (value instanceof List<?> list) {
            out.write('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                writeJson(out, list.get(i));
            }
            out.write(']');
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Raw raw) {
            out.writeBytes(raw.json());
        } else if (value instanceof JsonText text) {
            writeString(out, new String(json(text.tree()), StandardCharsets.UTF_8));
        } else {
            out.writeBytes(String.valueOf(value).getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeString(ByteArrayOutputStream out, String text) {
        StringBuilder escaped = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || c >= 0x7f) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        out.writeBytes(escaped.append('"').toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the tree (a map) as a URL-encoded form with PHP-style keys */
    static byte[] form(Map<String, Object> tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tree.forEach((key, value) -> writeForm(out, key, value));
        return out.toByteArray();
    }

    private static void writeForm(ByteArrayOutputStream out, String key, Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> writeForm(out, key + "[" + k + "]", v));
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> writeForm(out, key + "[]", v));
            return;
        }
        if (out.size() > 0) {
            out.write('&');
        }
        out.writeBytes(percent(key.getBytes(StandardCharsets.UTF_8)));
        out.write('=');
        if (value instanceof Raw raw) {
            out.writeBytes(raw.form());
        } else if (value instanceof JsonText text) {
            out.writeBytes(percent(json(text.tree())));
        } else {
            out.writeBytes(percent(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Percent-encodes bytes as a browser does a form: unreserved characters as they are, a space as {@code +}. */
    static byte[] percent(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~[]".indexOf(c) >= 0) {
                out.write(c);
            } else if (c == ' ') {
                out.write('+');
            } else {
                out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }
}
