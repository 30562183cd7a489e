package io.hookbot.channel;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpStatus;

import java.io.IOException;

/**
 * Turns a webhook body into one JSON tree, whether it came as JSON or as a URL-encoded form with PHP-style nested
 * keys ({@code data[id]=2&data[phone]=…}, {@code list[]=a}), so that a platform parser reads both the same way.
 * Form values stay strings; the parsers accept numbers written as strings anyway.
 *
 * <p>Both are read as UTF-8, strictly: bytes that are not UTF-8 are a 400 (naming the form field they are in),
 * never replaced by U+FFFD, since a replaced character would be stored as if the platform had sent it. Jackson's
 * own messages are kept short and quote at most 30 characters of the body.
 */
public final class PayloadDecoder {

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(FieldValues.MAX_QUOTE)
                    .maxRawContentLength(0)
                    .build())
            .build());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_MESSAGE = 160;

    private PayloadDecoder() {
    }

    /**
     * Reads the body by its content type; without one (a sample file replayed from disk), a body starting with
     * <code>{</code> or <code>[</code> is JSON and anything else a form. Over HTTP the content type is always one
     * the platform accepts ({@link WebhookMediaType}).
     *
     * @param request the call
     * @return the body as a tree
     * @throws WebhookRejection 400 if the body is empty, not UTF-8 or not well-formed
     */
    public static JsonNode decode(WebhookRequest request) throws WebhookRejection {
        if (request.body().length == 0) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "the body is empty");
        }
        boolean json = request.contentType().endsWith("json")
                || (!request.isForm() && looksLikeJson(request.body()));
        return json ? json(request.body()) : form(request.body());
    }

    /**
     * @param body a JSON document in UTF-8
     * @return its tree
     * @throws WebhookRejection 400 saying the body is not UTF-8, or naming the line and column of the syntax error
     */
    public static JsonNode json(byte[] body) throws WebhookRejection {
        int bad = Utf8.firstInvalid(body, 0, body.length);
        if (bad >= 0) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null,
                    "the body is not valid UTF-8 (at byte " + (bad + 1) + ")");
        }
        return json(Utf8.decode(body, 0, body.length));
    }

    /**
     * @param text a JSON document
     * @return its tree
     * @throws WebhookRejection 400 naming the line and column of the syntax error
     */
    public static JsonNode json(String text) throws WebhookRejection {
        // a byte order mark is no JSON token; some senders write one anyway
        String document = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            JsonNode node = JSON.readTree(document);
            if (node == null || node.isMissingNode()) {
                throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null,
                    "malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "unreadable JSON body");
        }
    }

    /**
     * @param body a URL-encoded form, keys possibly nested PHP-style, its bytes (raw or percent-encoded) UTF-8
     * @return the form as an object tree with string leaves
     * @throws WebhookRejection 400 if the encoding is broken (naming the field), or a key is used both as a value
     *                          and as a group
     */
    public static ObjectNode form(byte[] body) throws WebhookRejection {
        ObjectNode root = NODES.objectNode();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start, body.length);
            if (end > start) {
                int eq = indexOf(body, (byte) '=', start, end);
                String key = FormComponent.decode(body, start, eq, null);
                String value = eq == end ? "" : FormComponent.decode(body, eq + 1, end, FormComponent.field(key));
                put(root, key, value);
            }
            start = end + 1;
        }
        return root;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    private static void put(ObjectNode root, String key, String value) throws WebhookRejection {
        int bracket = key.indexOf('[');
        if (bracket <= 0 || !key.endsWith("]")) {
            setLeaf(root, key, key, value);
            return;
        }
        String[] path = (key.substring(0, bracket) + "." + key.substring(bracket + 1, key.length() - 1)
                .replace("][", ".")).split("\\.", -1);
        JsonNode node = root;
        for (int i = 0; i < path.length - 1; i++) {
            node = child(node, path[i], path[i + 1].isEmpty(), key);
        }
        String last = path[path.length - 1];
        if (node instanceof ArrayNode array) {
            array.add(value);
        } else {
            setLeaf((ObjectNode) node, last, key, value);
        }
    }

    private static JsonNode child(JsonNode parent, String name, boolean list, String key) throws WebhookRejection {
        if (parent instanceof ArrayNode array) {
            ObjectNode created = NODES.objectNode();
            array.add(created);
            return created;
        }
        ObjectNode object = (ObjectNode) parent;
        JsonNode existing = object.get(name);
        if (existing == null) {
            return list ? object.putArray(name) : object.putObject(name);
        }
        if (existing.isValueNode() || (list != existing.isArray())) {
            throw WebhookRejection.invalid(FormComponent.field(key), "is used both as a value and as a group of fields");
        }
        return existing;
    }

    private static void setLeaf(ObjectNode object, String name, String key, String value) throws WebhookRejection {
        JsonNode existing = object.get(name);
        if (existing != null && existing.isContainerNode()) {
            throw WebhookRejection.invalid(FormComponent.field(key), "is used both as a value and as a group of fields");
        }
        object.put(name, value);
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[';
            }
        }
        return false;
    }

    /** Jackson's message, its first line only, shortened, and with nothing in it that is not printable. */
    private static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        StringBuilder safe = new StringBuilder(Math.min(line.length(), MAX_MESSAGE + 1));
        for (int i = 0; i < line.length() && i < MAX_MESSAGE; i++) {
            char c = line.charAt(i);
            safe.append(c < 0x20 || c == 0x7f || Character.isSurrogate(c) ? '?' : c);
        }
        return line.length() <= MAX_MESSAGE ? safe.toString() : safe + "…";
    }
}
