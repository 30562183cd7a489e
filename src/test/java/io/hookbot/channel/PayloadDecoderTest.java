package io.hookbot.channel;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies are UTF-8, read strictly: bytes that are not UTF-8 are refused (naming the form field they are in), never
 * replaced; messages stay short and quote nothing that is not printable.
 */
class PayloadDecoderTest {

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static WebhookRejection refusedForm(byte[] body) {
        return assertThrows(WebhookRejection.class, () -> PayloadDecoder.form(body));
    }

    @Test
    void aFormIsDecodedAsUtf8RawOrPercentEncoded() throws WebhookRejection {
        JsonNode form = PayloadDecoder.form(bytes("data%5Bphone%5D=%2B63+97&data[name]=Jos", 0xC3, 0xA9, "&t=%E2%82%AC"));

        assertEquals("+63 97", form.path("data").path("phone").textValue());
        assertEquals("José", form.path("data").path("name").textValue());
        assertEquals("€", form.path("t").textValue());
        assertEquals("a\u0000b", PayloadDecoder.form(bytes("v=a%00b")).path("v").textValue(),
                "a NUL decodes; the parsers decide whether the field may hold it");
    }

    @Test
    void bytesThatAreNotUtf8InAFormValueAreA400NamingTheField() {
        for (byte[] body : new byte[][]{bytes("secret=s&data[device]=ab", 0xFF), bytes("data[device]=ab%FF"),
                bytes("data%5Bdevice%5D=%ED%A0%80"), bytes("data[device]=%C0%80"), bytes("data[device]=%E2%82")}) {
            WebhookRejection refused = refusedForm(body);
            assertEquals("data.device", refused.field());
            assertTrue(refused.getMessage().contains("is not valid UTF-8"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\uFFFD"), refused.getMessage());
        }
        WebhookRejection key = refusedForm(bytes("da", 0xFF, "ta=1"));
        assertNull(key.field());
        assertTrue(key.getMessage().contains("a form field's name"), key.getMessage());
    }

    @Test
    void aBrokenPercentEncodingNamesTheField() {
        assertEquals("data.id", refusedForm(bytes("data[id]=%zz")).field());
        assertEquals("data.id", refusedForm(bytes("data[id]=1%")).field());
        assertEquals("list", refusedForm(bytes("list[]=a&list=b")).field(), "a value and a group at once");
        assertEquals("n?me", refusedForm(bytes("n%01me=%FF")).field(), "a field's name is made printable");
    }

    @Test
    void jsonThatIsNotUtf8IsA400SayingSoWithoutItsBytes() {
        WebhookRejection refused = assertThrows(WebhookRejection.class,
                () -> PayloadDecoder.json(bytes("{\"phone\":\"+63", 0xFF, 0xFE, "\"}")));

        assertEquals("the body is not valid UTF-8 (at byte 14)", refused.getMessage());
        assertNull(refused.field());
        assertEquals(400, refused.status().getCode());
        assertThrows(WebhookRejection.class, () -> PayloadDecoder.json(bytes("{\"a\":\"", 0xED, 0xA0, 0x80, "\"}")),
                "an encoded surrogate is not UTF-8");
    }

    @Test
    void jacksonsMessagesAreShortAndQuoteLittleOfTheBody() {
        String secret = "s".repeat(200);
        WebhookRejection refused = assertThrows(WebhookRejection.class,
                () -> PayloadDecoder.json(("{\"secret\": " + secret + "}").getBytes(StandardCharsets.UTF_8)));

        assertTrue(refused.getMessage().startsWith("malformed JSON at line 1, column "), refused.getMessage());
        assertFalse(refused.getMessage().contains("s".repeat(31)), refused.getMessage());
        assertTrue(refused.getMessage().length() < 250, refused.getMessage());
        WebhookRejection control = assertThrows(WebhookRejection.class,
                () -> PayloadDecoder.json(bytes("{\"a\":\"x", 0x01, "\"}")));
        assertFalse(control.getMessage().chars().anyMatch(c -> c < 0x20), control.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeJsonIsSkipped() throws WebhookRejection {
        assertEquals(1, PayloadDecoder.json(bytes(0xEF, 0xBB, 0xBF, "{\"a\":1}")).path("a").intValue());
    }
}
