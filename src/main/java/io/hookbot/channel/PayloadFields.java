package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of a decoded webhook body, with 400 errors that name the field by its full path.
 *
 * <p>The readers are strict about types, so that a value is read the way the platform's document shows it:
 * <ul>
 *   <li>{@link #string} and {@link #optionalString}: identifiers (ids, keys, phones, devices, channel, room and
 *       meeting ids, user ids, names that end up in columns). Only a JSON string is one: {@code true} or
 *       {@code 1.5} is refused, not turned into text. They must be fit for an identifier
 *       ({@link StorableText#firstUnfitForIdentifier}: no NUL, C0 control character, DEL or lone surrogate).</li>
 *   <li>{@link #optionalText}: free message text. Only a JSON string; control characters and NUL are kept (the
 *       event is stored as JSON, where they are escaped), a lone surrogate is refused (it has no UTF-8 form).</li>
 *   <li>{@link #integer}, {@link #id}, {@link #positiveId} and their optional forms: whole numbers, as an integral
 *       JSON number or as a string of ASCII digits (platforms send numbers as strings: forms always, VCaaS and
 *       Yalgaar too). No {@code +}, no {@code 0x}, no exponent, no fraction, no spaces, nothing beyond a
 *       {@code long}; ids have no sign either.</li>
 *   <li>{@link #credential}: a secret to compare, never stored and never echoed.</li>
 * </ul>
 * Messages quote at most 30 characters of a value, and never a value holding a control character or a lone
 * surrogate (they say which character it is and where instead).
 */
public final class PayloadFields {

    /** The last second of 9999-12-31, the latest Unix timestamp the readers accept. */
    public static final long MAX_EPOCH_SECOND = 253_402_300_799L;

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
        JsonNode value = present(name);
        if (value == null) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        if (!value.isObject()) {
            throw WebhookRejection.invalid(full(name), "must be an object, not " + FieldValues.describe(value));
        }
        return new PayloadFields(value, full(name));
    }

    /**
     * @param name a required field holding a list of objects
     * @return a reader over each element, named {@code name[index]} in errors ({@code items.data[3].timestamp})
     * @throws WebhookRejection if it is missing, not a list, or an element is not an object
     */
    public List<PayloadFields> objects(String name) throws WebhookRejection {
        JsonNode value = present(name);
        if (value == null) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        if (!value.isArray()) {
            throw WebhookRejection.invalid(full(name), "must be a list, not " + FieldValues.describe(value));
        }
        List<PayloadFields> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String element = full(name) + "[" + i + "]";
            if (!value.get(i).isObject()) {
                throw WebhookRejection.invalid(element, "must be an object, not " + FieldValues.describe(value.get(i)));
            }
            elements.add(new PayloadFields(value.get(i), element));
        }
        return elements;
    }

    /**
     * @param name      a required identifier
     * @param maxLength the longest accepted value
     * @return its value, not empty
     * @throws WebhookRejection if it is missing, empty, not a string, too long or unfit for an identifier
     */
    public String string(String name, int maxLength) throws WebhookRejection {
        String value = optionalString(name, maxLength);
        if (value == null || value.isEmpty()) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        return value;
    }

    /**
     * @param name      an optional identifier
     * @param maxLength the longest accepted value
     * @return its value (possibly empty), or {@code null} if absent or {@code null}
     * @throws WebhookRejection if it is not a string, too long or unfit for an identifier
     */
    public String optionalString(String name, int maxLength) throws WebhookRejection {
        String value = textual(name, maxLength);
        if (value != null) {
            int bad = StorableText.firstUnfitForIdentifier(value);
            if (bad >= 0) {
                throw WebhookRejection.invalid(full(name), "holds " + StorableText.describe(value, bad));
            }
        }
        return value;
    }

    /**
     * @param name      an optional field of free text (a message, a title)
     * @param maxLength the longest accepted value
     * @return its value (possibly empty, control characters kept), or {@code null} if absent or {@code null}
     * @throws WebhookRejection if it is not a string, too long, or holds a lone surrogate
     */
    public String optionalText(String name, int maxLength) throws WebhookRejection {
        String value = textual(name, maxLength);
        if (value != null) {
            int bad = StorableText.firstLoneSurrogate(value);
            if (bad >= 0) {
                throw WebhookRejection.invalid(full(name), "holds " + StorableText.describe(value, bad));
            }
        }
        return value;
    }

    /**
     * @param name a secret's field
     * @return its value if it is a string, otherwise {@code null}: a secret that is not text matches nothing, and
     *         is neither checked further nor quoted, since it is compared and then forgotten
     */
    public String credential(String name) {
        JsonNode value = node.get(name);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /**
     * @param name a required whole number, possibly negative
     * @return its value
     * @throws WebhookRejection if it is missing or not a whole number
     */
    public long integer(String name) throws WebhookRejection {
        return required(name, optionalInteger(name));
    }

    /**
     * @param name an optional whole number, possibly negative
     * @return its value, or {@code null} if absent, {@code null} or an empty string
     * @throws WebhookRejection if it is present but not a whole number
     */
    public Long optionalInteger(String name) throws WebhookRejection {
        return FieldValues.wholeNumber(full(name), present(name), Long.MIN_VALUE);
    }

    /**
     * @param name a required id counted from 0
     * @return its value, at least 0
     * @throws WebhookRejection if it is missing or not a whole number without a sign
     */
    public long id(String name) throws WebhookRejection {
        return required(name, FieldValues.wholeNumber(full(name), present(name), 0));
    }

    /**
     * @param name a required id counted from 1
     * @return its value, at least 1
     * @throws WebhookRejection if it is missing, not a whole number without a sign, or 0
     */
    public long positiveId(String name) throws WebhookRejection {
        return required(name, optionalPositiveId(name));
    }

    /**
     * @param name an optional id counted from 1
     * @return its value, at least 1, or {@code null} if absent, {@code null} or an empty string
     * @throws WebhookRejection if it is present but not a whole number without a sign, or 0
     */
    public Long optionalPositiveId(String name) throws WebhookRejection {
        return FieldValues.wholeNumber(full(name), present(name), 1);
    }

    /**
     * @param name a required Unix timestamp in seconds
     * @return its value, from 0 to the end of the year 9999
     * @throws WebhookRejection if it is missing, not a whole number or out of that range
     */
    public long epochSecond(String name) throws WebhookRejection {
        long seconds = integer(name);
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw WebhookRejection.invalid(full(name), "is not a Unix timestamp in seconds: " + seconds);
        }
        return seconds;
    }

    /**
     * @param name     an optional Unix timestamp in seconds
     * @param fallback the time to use when it is absent
     * @return the instant
     * @throws WebhookRejection if it is present but not a whole number from 0 to the end of the year 9999
     */
    public Instant epochSeconds(String name, Instant fallback) throws WebhookRejection {
        return optionalInteger(name) == null ? fallback : Instant.ofEpochSecond(epochSecond(name));
    }

    /**
     * Checks a part that is kept as sent (VCaaS's report): every string in it, field names included, must be free
     * text both databases store, that is hold no lone surrogate.
     *
     * @throws WebhookRejection naming the path of the first string that holds one
     */
    public void checkFreeText() throws WebhookRejection {
        FieldValues.checkFreeText(node, path);
    }

    /**
     * @param text a value read from a payload, to name in a 400's message
     * @return it quoted and shortened to 30 characters, or, if it holds a character unfit for a message, what that
     *         character is and where
     */
    public static String quote(String text) {
        return FieldValues.quote(text);
    }

    /**
     * @param name a field of this object
     * @return its full dotted path, for error messages
     */
    public String full(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private long required(String name, Long value) throws WebhookRejection {
        if (value == null) {
            throw WebhookRejection.invalid(full(name), "is required");
        }
        return value;
    }

    private String textual(String name, int maxLength) throws WebhookRejection {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw WebhookRejection.invalid(full(name), "must be text, not " + FieldValues.describe(value));
        }
        String text = value.textValue();
        if (text.length() > maxLength) {
            throw WebhookRejection.invalid(full(name), "is longer than " + maxLength + " characters");
        }
        return text;
    }
}
