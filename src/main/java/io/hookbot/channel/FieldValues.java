package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How {@link PayloadFields} reads a whole number and how a 400's message shows a value it refused: short, and
 * without a character that a log line or a terminal would trip over.
 */
final class FieldValues {

    /** The most characters of a value a message quotes. */
    static final int MAX_QUOTE = 30;

    private FieldValues() {
    }

    /**
     * @param field the field's full path, for the error
     * @param value the field's value, or {@code null} if absent
     * @param min   the least accepted value: {@link Long#MIN_VALUE} for any whole number (a leading {@code -}
     *              allowed), 0 or more for an id (digits only)
     * @return the number, or {@code null} if absent or an empty string
     * @throws WebhookRejection if it is not an integral JSON number or a string of digits within a {@code long}, or
     *                          is below {@code min}
     */
    static Long wholeNumber(String field, JsonNode value, long min) throws WebhookRejection {
        if (value == null || (value.isTextual() && value.textValue().isEmpty())) {
            return null;
        }
        Long number = null;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.longValue();
        } else if (value.isTextual() && digits(value.textValue(), min < 0)) {
            try {
                number = Long.parseLong(value.textValue());
            } catch (NumberFormatException tooLarge) {
                throw WebhookRejection.invalid(field, "is too large for a whole number");
            }
        }
        if (number == null) {
            throw WebhookRejection.invalid(field, "must be " + wanted(min) + ", not " + describe(value));
        }
        if (number < min) {
            throw WebhookRejection.invalid(field, "must be " + wanted(min) + ", not " + number);
        }
        return number;
    }

    private static String wanted(long min) {
        return min < 0 ? "a whole number" : "a whole number of " + min + " or more, in digits only";
    }

    private static boolean digits(String text, boolean signed) {
        int start = signed && text.startsWith("-") ? 1 : 0;
        if (text.length() == start) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param node a part kept as sent
     * @param path its path, for the error
     * @throws WebhookRejection naming the first string or field name in it that holds a lone surrogate
     */
    static void checkFreeText(JsonNode node, String path) throws WebhookRejection {
        if (node.isTextual()) {
            int bad = StorableText.firstLoneSurrogate(node.textValue());
            if (bad >= 0) {
                throw WebhookRejection.invalid(path.isEmpty() ? null : path,
                        "holds " + StorableText.describe(node.textValue(), bad));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkFreeText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                int bad = StorableText.firstLoneSurrogate(field.getKey());
                if (bad >= 0) {
                    throw WebhookRejection.invalid(path.isEmpty() ? null : path,
                            "has a field name that holds " + StorableText.describe(field.getKey(), bad));
                }
                checkFreeText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        }
    }

    /**
     * @param value a refused value
     * @return it in words for a message: {@code an object}, {@code a list}, {@code true}, a short number, or a
     *         quoted, shortened text
     */
    static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? shorten(value.asText())
                    : "a number with a fraction or an exponent";
        }
        return quote(value.asText());
    }

    /**
     * @param text a text from a payload
     * @return it quoted and shortened to {@value #MAX_QUOTE} characters, or, if it holds a character unfit for a
     *         message, what that character is and where
     */
    static String quote(String text) {
        int bad = StorableText.firstUnfitForIdentifier(text);
        if (bad >= 0) {
            return "a text holding " + StorableText.describe(text, bad);
        }
        return "'" + shorten(text) + "'";
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_QUOTE) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_QUOTE - 1)) ? MAX_QUOTE - 1 : MAX_QUOTE;
        return text.substring(0, end) + "…";
    }
}
