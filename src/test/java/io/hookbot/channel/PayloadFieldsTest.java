package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readers' types and text rules: identifiers are strings fit for a key, free text keeps control characters but
 * not a lone surrogate, whole numbers are integral numbers or digits, and a list's elements are named by index, so
 * a platform's 400 points at the one bad value.
 */
class PayloadFieldsTest {

    private static PayloadFields read(String json) throws WebhookRejection {
        JsonNode root = PayloadDecoder.json(json.getBytes(StandardCharsets.UTF_8));
        return PayloadFields.of(root).object("items");
    }

    @Test
    void elementsAreNamedByTheirIndex() throws WebhookRejection {
        List<PayloadFields> data = read("{\"items\":{\"data\":[{\"t\":\"1\"},{\"t\":\"x\"}]}}").objects("data");

        assertEquals(2, data.size());
        assertEquals(1, data.get(0).integer("t"));
        WebhookRejection bad = assertThrows(WebhookRejection.class, () -> data.get(1).integer("t"));
        assertEquals("items.data[1].t", bad.field());
    }

    @Test
    void aMissingListAListOfNonObjectsOrANonListAreNamed() throws WebhookRejection {
        PayloadFields items = read("{\"items\":{\"data\":[{},3],\"other\":\"x\"}}");

        assertEquals("items.data[1]", assertThrows(WebhookRejection.class, () -> items.objects("data")).field());
        assertEquals("items.other", assertThrows(WebhookRejection.class, () -> items.objects("other")).field());
        assertEquals("items.none", assertThrows(WebhookRejection.class, () -> items.objects("none")).field());
    }

    @Test
    void anEmptyListIsValid() throws WebhookRejection {
        assertEquals(List.of(), read("{\"items\":{\"data\":[]}}").objects("data"));
    }

    private static PayloadFields value(String json) throws WebhookRejection {
        return PayloadFields.of(PayloadDecoder.json("{\"items\":{\"v\":" + json + "}}")).object("items");
    }

    private static WebhookRejection refused(String json, Reader reader) {
        WebhookRejection refused = assertThrows(WebhookRejection.class, () -> reader.read(value(json)), json);
        assertEquals("items.v", refused.field(), json);
        return refused;
    }

    private interface Reader {
        Object read(PayloadFields fields) throws WebhookRejection;
    }

    @Test
    void anIdentifierIsAStringWithoutControlCharacters() throws WebhookRejection {
        assertEquals("+639760713666", value("\"+639760713666\"").string("v", 64));
        for (String bad : List.of("true", "1.5", "42", "1e400", "{}", "[\"a\"]")) {
            assertTrue(refused(bad, f -> f.string("v", 64)).getMessage().startsWith("items.v: must be text, not "), bad);
        }
        assertEquals("items.v: holds a NUL character (U+0000) at position 4",
                refused("\"dev\\u0000\"", f -> f.string("v", 64)).getMessage());
        assertTrue(refused("\"a\\u0007\"", f -> f.optionalString("v", 64)).getMessage().contains("control character (U+0007)"));
        assertTrue(refused("\"a\\u007f\"", f -> f.string("v", 64)).getMessage().contains("(U+007F)"));
        assertTrue(refused("\"a\\ud800b\"", f -> f.string("v", 64)).getMessage().contains("unpaired UTF-16 surrogate"));
        assertTrue(refused("\"" + "a".repeat(65) + "\"", f -> f.string("v", 64)).getMessage().contains("longer than 64"));
        assertEquals("items.v: is required", refused("\"\"", f -> f.string("v", 64)).getMessage());
        assertEquals("\ud83d\ude00", value("\"\\ud83d\\ude00\"").string("v", 64), "a pair is a character");
        assertNull(value("null").optionalString("v", 64));
    }

    @Test
    void freeTextKeepsNulAndControlCharactersButNotALoneSurrogate() throws WebhookRejection {
        assertEquals("a\u0000b\u0007\n\u007f", value("\"a\\u0000b\\u0007\\n\\u007f\"").optionalText("v", 100));
        assertTrue(refused("\"ok \\udc00\"", f -> f.optionalText("v", 100)).getMessage()
                .endsWith("holds an unpaired UTF-16 surrogate (U+DC00) at position 4"));
        assertTrue(refused("\"a\\u0000\\ud800\"", f -> f.optionalText("v", 100)).getMessage().contains("U+D800"),
                "a NUL before it does not hide it");
        for (String bad : List.of("true", "7", "1.5", "{}", "[]")) {
            refused(bad, f -> f.optionalText("v", 100));
        }
    }

    @Test
    void aWholeNumberIsAnIntegralNumberOrDigits() throws WebhookRejection {
        assertEquals(12, value("12").integer("v"));
        assertEquals(12, value("\"12\"").integer("v"));
        assertEquals(12, value("\"0012\"").integer("v"));
        assertEquals(-3, value("\"-3\"").integer("v"));
        assertNull(value("\"\"").optionalInteger("v"));
        for (String bad : List.of("true", "1.5", "\"1.5\"", "\"0x1F\"", "1e400", "1E2", "\"1e3\"", "\"+1\"",
                "\" 1\"", "\"1 \"", "\"-\"", "99999999999999999999", "\"99999999999999999999\"", "{}", "[1]",
                "\"\\u0661\"", "\"1\\u0000\"")) {
            refused(bad, f -> f.integer("v"));
        }
        WebhookRejection word = refused("\"two\"", f -> f.integer("v"));
        assertEquals("items.v: must be a whole number, not 'two'", word.getMessage());
        assertTrue(refused("\"1\\u0000\"", f -> f.integer("v")).getMessage().contains("NUL character"),
                "a NUL is named, not quoted");
    }

    @Test
    void idsHaveNoSignAndPositiveIdsCountFrom1() throws WebhookRejection {
        assertEquals(0, value("0").id("v"));
        assertEquals(7, value("\"7\"").positiveId("v"));
        for (String bad : List.of("-1", "\"-1\"", "true", "1.5", "\"0x1F\"", "1e400")) {
            refused(bad, f -> f.id("v"));
            refused(bad, f -> f.positiveId("v"));
        }
        assertEquals("items.v: must be a whole number of 1 or more, in digits only, not 0",
                refused("0", f -> f.positiveId("v")).getMessage());
        refused("\"0\"", f -> f.optionalPositiveId("v"));
    }

    @Test
    void aTimestampIsFromTheEpochToTheYear9999() throws WebhookRejection {
        assertEquals(0, value("0").epochSecond("v"));
        assertEquals(PayloadFields.MAX_EPOCH_SECOND, value("253402300799").epochSecond("v"));
        refused("253402300800", f -> f.epochSecond("v"));
        refused("-1", f -> f.epochSecond("v"));
        refused("9223372036854775807", f -> f.epochSeconds("v", null));
    }

    @Test
    void aCredentialIsTextOrNothing() throws WebhookRejection {
        assertEquals("s3cret", value("\"s3cret\"").credential("v"));
        assertNull(value("42").credential("v"));
        assertNull(value("true").credential("v"));
        assertNull(value("{}").credential("v"));
    }

    @Test
    void aRefusedValueIsQuotedShortAndOnlyWhenPrintable() throws WebhookRejection {
        String message = refused("\"" + "9".repeat(10) + "x" + "9".repeat(60) + "\"", f -> f.integer("v")).getMessage();
        assertTrue(message.endsWith("'" + "9".repeat(10) + "x" + "9".repeat(19) + "…'"), message);
        assertEquals("'" + "a".repeat(29) + "…'", PayloadFields.quote("a".repeat(29) + "\ud83d\ude00"),
                "a character is not cut in half");
    }
}
