package io.hookbot.channel;

import java.io.ByteArrayOutputStream;

/**
 * One name or value of a URL-encoded form: {@code +} is a space, {@code %XX} a byte, and the bytes, raw or
 * percent-encoded, must be UTF-8. Errors name the field whose value is broken, written the way the parsers name
 * it ({@code data[device]} is {@code data.device}).
 */
final class FormComponent {

    private FormComponent() {
    }

    /**
     * @param body  the form
     * @param from  the component's first byte
     * @param to    its end, exclusive
     * @param field the field whose value this is, or {@code null} for a field's name
     * @return the decoded text
     * @throws WebhookRejection 400 if a {@code %} is not followed by two hex digits, or the bytes are not UTF-8
     */
    static String decode(byte[] body, int from, int to, String field) throws WebhookRejection {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw refused(field, "malformed percent-encoding at character " + (i - from + 1));
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        byte[] decoded = bytes.toByteArray();
        int bad = Utf8.firstInvalid(decoded, 0, decoded.length);
        if (bad >= 0) {
            throw refused(field, "is not valid UTF-8 (at byte " + (bad + 1) + " of the decoded value)");
        }
        return Utf8.decode(decoded, 0, decoded.length);
    }

    /**
     * @param key a form key, PHP-style ({@code data[phone]}, {@code list[]})
     * @return the field's dotted name ({@code data.phone}, {@code list}), as the parsers name it in errors
     *         ({@link WebhookRejection} makes it printable)
     */
    static String field(String key) {
        return key.replace("[]", "").replace("][", ".").replace("[", ".").replace("]", "");
    }

    private static WebhookRejection refused(String field, String problem) {
        return field == null
                ? WebhookRejection.invalid(null, "a form field's name: " + problem.replaceFirst("^is ", ""))
                : WebhookRejection.invalid(field, problem);
    }
}
