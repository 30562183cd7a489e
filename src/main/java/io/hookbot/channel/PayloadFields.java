package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of a decoded webhook body, with 400 errors that name the field by its full path.
 * Platforms send numbers as strings (forms always, VCaaS and Yalgaar too), so numeric readers take both.
 */
public final class PayloadFields {

    private final JsonNode node;
    private final String path;

    private PayloadFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /**
     * @param root the decoded body
     * @return a reader over its top level
     */
    public static PayloadFields of(JsonNode root) {
        return new PayloadFields(root, "");
    }

    /** @return the node this reader reads */
    public JsonNode node() {
        return node;
    }

    /**
     * @param name a field holding an object
     * @return a reader over that object
     * @throws WebhookRejection if it is missing or not an object
     */
    public PayloadFields object(String name) throws WebhookRejection {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        if (!value.isObject()) {
            throw WebhookRejection.invalid(full(name), "must be an object");
        }
        return new PayloadFields(value, full(name));
    }

    /**
     * @param name a required field holding a list of objects
     * @return a reader over each element, named {@code name[index]} in errors ({@code items.data[3].timestamp})
     * @throws WebhookRejection if it is missing, not a list, or an element is not an object
     */
    public List<PayloadFields> objects(String name) throws WebhookRejection {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        if (!value.isArray()) {
            throw WebhookRejection.invalid(full(name), "must be a list, not " + describe(value));
        }
        List<PayloadFields> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String element = full(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw WebhookRejection.invalid(element, "must be an object, not " + describe(value.get(i)));
            }
            elements.add(new PayloadFields(value.get(i), element));
        }
        return elements;
    }

    /**
     * @param name a required text field
     * @param maxLength the longest accepted value
     * @return its value (numbers are accepted and written as text)
     * @throws WebhookRejection if it is missing, empty, not a scalar or too long
     */
    public String text(String name, int maxLength) throws WebhookRejection {
        String value = optionalText(name, maxLength);
        if (value == null || value.isEmpty()) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        return value;
    }

    /**
     * @param name an optional text field
     * @param maxLength the longest accepted value
     * @return its value, or {@code null} if absent
     * @throws WebhookRejection if it is not a scalar or too long
     */
    public String optionalText(String name, int maxLength) throws WebhookRejection {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw WebhookRejection.invalid(full(name), "must be text, not " + describe(value));
        }
        String text = value.asText();
        if (text.length() > maxLength) {
            throw WebhookRejection.invalid(full(name), "is longer than " + maxLength + " characters");
        }
        return text;
    }

    /**
     * @param name a required whole-number field, as a number or as digits in a string
     * @return its value
     * @throws WebhookRejection if it is missing or not a whole number
     */
    public long integer(String name) throws WebhookRejection {
        Long value = optionalInteger(name);
        if (value == null) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        return value;
    }

    /**
     * @param name an optional whole-number field, as a number or as digits in a string
     * @return its value, or {@code null} if absent or an empty string
     * @throws WebhookRejection if it is present but not a whole number
     */
    public Long optionalInteger(String name) throws WebhookRejection {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw WebhookRejection.invalid(full(name), "must be a whole number, not " + describe(value));
    }

    /**
     * @param name an optional Unix timestamp in seconds
     * @param fallback the time to use when it is absent
     * @return the instant
     * @throws WebhookRejection if it is present but not a whole number
     */
    public Instant epochSeconds(String name, Instant fallback) throws WebhookRejection {
        Long seconds = optionalInteger(name);
        return seconds == null ? fallback : Instant.ofEpochSecond(seconds);
    }

    /**
     * @param name a field of this object
     * @return its full dotted path, for error messages
     */
    public String full(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return "true/false";
        }
        String text = value.asText();
        return "'" + (text.length() > 30 ? text.substring(0, 30) + "…" : text) + "'";
    }
}
