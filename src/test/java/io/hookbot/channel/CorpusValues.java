package io.hookbot.channel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The bad values of the corpus, and what hookbot answers when one of them is in a field of a given kind: the type
 * and text rules of {@link PayloadFields}, {@link PayloadDecoder} and the platforms, written down once as a table.
 */
final class CorpusValues {

    /** How a field's value travels. */
    enum Encoding {
        /** in a JSON body */
        JSON,
        /** in a form: every value is a string */
        FORM,
        /** in a JSON document inside a form field (Webinato's {@code msgsJSON}) */
        FORM_JSON
    }

    /** What a field is, for the rules. */
    enum Kind {
        /** a string that ends up in a key or a column */
        IDENT,
        /** a string matched against the platform's words ({@code type}, {@code status}, {@code action}) */
        WORD,
        /** free message text */
        TEXT,
        /** text inside a part kept as sent (the VCaaS report) */
        KEPT,
        /** an id counted from 1 */
        POSITIVE,
        /** an id counted from 0 */
        ID,
        /** a whole number whose every value is accepted (an unknown role is no role) */
        ANY_NUMBER,
        /** a whole number from 0 up to a documented maximum (a status, a type) */
        CODE,
        /** a Unix timestamp */
        TIMESTAMP,
        /** a secret compared and nothing else */
        SECRET,
        /** Webinato's {@code msgsJSON}: a form field holding a JSON list */
        MESSAGES
    }

    /** One bad value. */
    enum Bad {
        NUL, CONTROL, LONE_SURROGATE, INVALID_UTF8, INVALID_UTF8_PERCENT, TOO_LONG, AT_MAX,
        TRUE, FRACTION, NEGATIVE, ZERO, HEX, HUGE, OBJECT, LIST
    }

    /**
     * What a case expects.
     *
     * @param status   the HTTP status
     * @param error    the error code, {@code null} when accepted
     * @param field    the field the answer names, or {@code null}
     * @param fragment words the message must hold, or {@code null}
     */
    record Expect(int status, String error, String field, String fragment) {

        static final Expect ACCEPTED = new Expect(200, null, null, null);

        boolean accepted() {
            return status == 200;
        }
    }

    private static final List<Bad> TYPES = List.of(Bad.TRUE, Bad.FRACTION, Bad.NEGATIVE, Bad.ZERO, Bad.HEX, Bad.HUGE);

    private CorpusValues() {
    }

    /**
     * @return the value to put in the field, or {@code null} when this bad value cannot be written in that encoding
     *         (a lone surrogate has no UTF-8 form; a form has no JSON types)
     */
    static Object value(Bad bad, Kind kind, int max, Encoding encoding) {
        boolean form = encoding == Encoding.FORM;
        boolean number = isNumber(kind);
        return switch (bad) {
            case NUL -> "a\u0000b";
            case CONTROL -> "a\u0007b";
            case LONE_SURROGATE -> form ? new CorpusBody.Raw(null, ascii("a%ED%A0%80b")) : "a\ud800b";
            case INVALID_UTF8 -> form ? new CorpusBody.Raw(null, new byte[]{'a', (byte) 0xFF, 'b'})
                    : new CorpusBody.Raw(new byte[]{'"', 'a', (byte) 0xFF, 'b', '"'}, null);
            case INVALID_UTF8_PERCENT -> form ? new CorpusBody.Raw(null, ascii("a%FFb")) : null;
            case TOO_LONG -> number ? (form ? "9".repeat(25) : CorpusBody.Raw.of("9".repeat(25)))
                    : kind == Kind.KEPT || kind == Kind.MESSAGES || kind == Kind.SECRET ? null : "x".repeat(max + 1);
            case AT_MAX -> kind == Kind.IDENT || kind == Kind.TEXT ? "x".repeat(max) : null;
            case TRUE -> typed(form, "true");
            case FRACTION -> typed(form, "1.5");
            case NEGATIVE -> typed(form, "-1");
            case ZERO -> typed(form, "0");
            case HEX -> "0x1F";
            case HUGE -> typed(form, "1e400");
            case OBJECT -> Map.of("a", "1");
            case LIST -> List.of("1");
        };
    }

    /**
     * @param bad      the bad value
     * @param kind     the field's kind
     * @param field    the field's name in errors
     * @param encoding how it travels
     * @return what hookbot answers, or {@code null} when the value is an ordinary one for this field (the string
     *         {@code "0x1F"} is a fine phone number as far as types go) and the case is left out
     */
    static Expect expect(Bad bad, Kind kind, String field, Encoding encoding) {
        boolean form = encoding == Encoding.FORM;
        String utf8Field = encoding == Encoding.FORM_JSON ? "msgsJSON" : form ? field : null;
        if (bad == Bad.INVALID_UTF8 || bad == Bad.INVALID_UTF8_PERCENT || (form && bad == Bad.LONE_SURROGATE)) {
            return refused(utf8Field, "not valid UTF-8");
        }
        if (kind == Kind.SECRET) {
            return new Expect(401, "unauthorized", null, null);
        }
        if (kind == Kind.MESSAGES) {
            return bad == Bad.LIST ? refused("msgsJSON[0]", null) : refused("msgsJSON", null);
        }
        if (isNumber(kind)) {
            boolean acceptedZero = kind != Kind.POSITIVE;
            boolean acceptedNegative = kind == Kind.ANY_NUMBER;
            if ((bad == Bad.ZERO && acceptedZero) || (bad == Bad.NEGATIVE && acceptedNegative)) {
                return Expect.ACCEPTED;
            }
            return refused(field, bad == Bad.NUL ? "NUL character" : bad == Bad.CONTROL ? "control character" : null);
        }
        boolean typed = !form || bad == Bad.OBJECT || bad == Bad.LIST;
        boolean ordinaryString = bad == Bad.HEX || (form && TYPES.contains(bad));
        if (kind == Kind.KEPT) {
            return bad == Bad.LONE_SURROGATE ? refused(field, "unpaired UTF-16 surrogate") : Expect.ACCEPTED;
        }
        if (ordinaryString) {
            return kind == Kind.WORD ? refused(field, null) : null;
        }
        return switch (bad) {
            case NUL -> kind == Kind.TEXT ? Expect.ACCEPTED : refused(field, "holds a NUL character (U+0000) at position 2");
            case CONTROL -> kind == Kind.TEXT ? Expect.ACCEPTED : refused(field, "holds a control character (U+0007)");
            case LONE_SURROGATE -> refused(field, "holds an unpaired UTF-16 surrogate (U+D800) at position 2");
            case TOO_LONG -> refused(field, "is longer than");
            case AT_MAX -> Expect.ACCEPTED;
            default -> typed ? refused(field, "must be text, not") : null;
        };
    }

    private static boolean isNumber(Kind kind) {
        return kind == Kind.POSITIVE || kind == Kind.ID || kind == Kind.ANY_NUMBER || kind == Kind.CODE
                || kind == Kind.TIMESTAMP;
    }

    private static Expect refused(String field, String fragment) {
        return new Expect(400, "invalid_payload", field, fragment);
    }

    private static Object typed(boolean form, String token) {
        return form ? token : CorpusBody.Raw.of(token);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
