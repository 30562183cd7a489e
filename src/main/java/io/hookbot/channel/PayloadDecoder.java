package io.hookbot.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpStatus;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns a webhook body into one JSON tree, whether it came as JSON or as a URL-encoded form with PHP-style nested
 * keys ({@code data[id]=2&data[phone]=…}, {@code list[]=a}), so that a platform parser reads both the same way.
 * Form values stay strings; the parsers accept numbers written as strings anyway.
 */
public final class PayloadDecoder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PayloadDecoder() {
    }

    /**
     * Reads the body by its content type; without a usable one, a body starting with <code>{</code> or
     * <code>[</code> is JSON and anything else a form.
     *
     * @param request the call
     * @return the body as a tree
     * @throws WebhookRejection 400 if the body is empty or not well-formed
     */
    public static JsonNode decode(WebhookRequest request) throws WebhookRejection {
        if (request.body().length == 0) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "the body is empty");
        }
        boolean json = request.contentType().endsWith("json")
                || (!request.isForm() && looksLikeJson(request.body()));
        return json ? json(request.body()) : form(new String(request.body(), StandardCharsets.UTF_8));
    }

    /**
     * @param body a JSON document
     * @return its tree
     * @throws WebhookRejection 400 naming the line and column of the syntax error
     */
    public static JsonNode json(byte[] body) throws WebhookRejection {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null,
                    "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null, "unreadable JSON body");
        }
    }

    /**
     * @param text a JSON document
     * @return its tree
     * @throws WebhookRejection 400 naming the line and column of the syntax error
     */
    public static JsonNode json(String text) throws WebhookRejection {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param body a URL-encoded form, keys possibly nested PHP-style
     * @return the form as an object tree with string leaves
     * @throws WebhookRejection 400 if the encoding is broken or a key is used both as a value and as a group
     */
    public static ObjectNode form(String body) throws WebhookRejection {
        ObjectNode root = NODES.objectNode();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decodeComponent(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1));
            put(root, key, value);
        }
        return root;
    }

    private static String decodeComponent(String raw) throws WebhookRejection {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WebhookRejection(HttpStatus.BAD_REQUEST, "invalid_payload", null,
                    "malformed form encoding near '" + abbreviate(raw) + "'");
        }
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
            throw WebhookRejection.invalid(key, "is used both as a value and as a group of fields");
        }
        return existing;
    }

    private static void setLeaf(ObjectNode object, String name, String key, String value) throws WebhookRejection {
        JsonNode existing = object.get(name);
        if (existing != null && existing.isContainerNode()) {
            throw WebhookRejection.invalid(key, "is used both as a value and as a group of fields");
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

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
