package io.hookbot.channel.smsgateway;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.testing.Samples;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The older flat form ({@code secret, phone, message, receive_date}) that some gateway deployments still send, the
 * kind of a WhatsApp message's attachment, and the types and text the parser accepts.
 */
class SmsGatewayParserTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("sms-main", "sms-gateway", Map.of("secret", "demo-secret"));
    static final String FORM = "application/x-www-form-urlencoded";
    static final String JSON = "application/json";

    private final SmsGatewayParser parser = new SmsGatewayParser();

    private List<InboundEvent> read(String contentType, String body) throws WebhookRejection {
        return parser.parse(CHANNEL, new WebhookRequest(contentType, body.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @Test
    void theFlatFormIsAnSmsFromThatPhone() throws WebhookRejection {
        List<InboundEvent> events = read(FORM, Samples.read("sms-gateway/flat.form"));

        assertEquals(1, events.size());
        assertTrue(events.get(0).dedupeKey().matches("flat:[0-9a-f]{64}"), events.get(0).dedupeKey());
        MessageReceived message = (MessageReceived) events.get(0).event();
        assertEquals("sms-main", message.channel());
        assertEquals("sms:-:-:+639760713666", message.conversation(), "no device or SIM in the flat form");
        assertEquals(User.of("+639760713666"), message.sender());
        assertEquals("Hello World!", message.text());
        assertEquals(MessageKind.TEXT, message.kind());
        assertNull(message.externalId());
        assertEquals(Map.of("medium", "sms", "phone", "+639760713666"), message.replyTo());
    }

    @Test
    void theFlatFormsKeyIsStableAndChangesWithTheReceiveDate() throws WebhookRejection {
        String sample = Samples.read("sms-gateway/flat.form");
        String key = read(FORM, sample).get(0).dedupeKey();

        assertEquals(key, read(FORM, sample).get(0).dedupeKey());
        assertEquals(key, read("application/json", "{\"secret\":\"demo-secret\",\"phone\":\"+639760713666\","
                + "\"message\":\"Hello World!\",\"receive_date\":\"2022-02-24 14:30:31\"}").get(0).dedupeKey());
        assertNotEquals(key, read(FORM, sample.replace("14%3A30%3A31", "14%3A30%3A32")).get(0).dedupeKey());
    }

    @Test
    void theFlatFormNeedsTheSecret() {
        String wrong = Samples.read("sms-gateway/flat.form").replace("secret=demo-secret", "secret=guess");
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(WebhookRejection.class, () -> read(FORM, wrong)).status());
    }

    @Test
    void aWhatsappAttachmentsKindComesFromItsExtension() throws WebhookRejection {
        String[][] cases = {{"https://cdn.example.com/a/photo.JPG?x=1", "image"}, {"https://c.example/v.ogg", "audio"},
                {"https://c.example/clip.3gp", "video"}, {"https://c.example/Invoice.pdf", "document"},
                {"https://c.example/download", "document"}};
        for (String[] c : cases) {
            String body = "{\"secret\":\"demo-secret\",\"type\":\"whatsapp\",\"data\":{\"id\":3,\"wid\":\"+1\","
                    + "\"phone\":\"+2\",\"message\":\"\",\"attachment\":\"" + c[0] + "\"}}";
            MessageReceived message = (MessageReceived) read("application/json", body).get(0).event();
            assertEquals(c[1], message.attachments().get(0).type(), c[0]);
            assertEquals(c[0], message.attachments().get(0).url());
        }
    }

    /** An SMS webhook in JSON whose {@code data.<field>} is the given JSON. */
    private static String sms(String field, String json) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("id", "2");
        data.put("sim", "1");
        data.put("device", "\"dev-1\"");
        data.put("phone", "\"+639760713666\"");
        data.put("message", "\"hi\"");
        data.put("timestamp", "1645684231");
        data.put(field, json);
        StringJoiner fields = new StringJoiner(",", "{", "}");
        data.forEach((name, value) -> fields.add("\"" + name + "\":" + value));
        return "{\"secret\":\"demo-secret\",\"type\":\"sms\",\"data\":" + fields + "}";
    }

    private WebhookRejection rejected(String contentType, String body) {
        return assertThrows(WebhookRejection.class, () -> read(contentType, body));
    }

    @Test
    void idsAreWholeNumbersCountedFrom1AndPhonesAndDevicesAreStrings() throws WebhookRejection {
        for (String bad : List.of("-1", "0", "\"-1\"", "\"0\"", "1.5", "\"0x1F\"", "1e400", "true", "{}", "[2]")) {
            assertEquals("data.id", rejected(JSON, sms("id", bad)).field(), bad);
            assertEquals("data.sim", rejected(JSON, sms("sim", bad)).field(), bad);
        }
        for (String bad : List.of("true", "639760713666", "1.5", "{}", "[\"+63\"]")) {
            assertEquals("data.phone", rejected(JSON, sms("phone", bad)).field(), bad);
            assertEquals("data.device", rejected(JSON, sms("device", bad)).field(), bad);
        }
        assertEquals("sms:2", read(JSON, sms("id", "\"2\"")).get(0).dedupeKey(), "digits in a string are a number");
        assertEquals("data.timestamp", rejected(JSON, sms("timestamp", "99999999999999")).field(), "after the year 9999");
        assertEquals("data.timestamp", rejected(JSON, sms("timestamp", "-1")).field());
    }

    @Test
    void aNulInAKeyFieldIsA400NamingItInJsonAndInTheForm() {
        WebhookRejection json = rejected(JSON, sms("device", "\"dev\\u0000-1\""));
        assertEquals("data.device", json.field());
        assertEquals("data.device: holds a NUL character (U+0000) at position 4", json.getMessage());
        String form = Samples.read("sms-gateway/sms.form").replace("data%5Bdevice%5D=00000000", "data%5Bdevice%5D=000%000000");
        WebhookRejection fromForm = rejected(FORM, form);
        assertEquals("data.device", fromForm.field());
        assertEquals("data.device: holds a NUL character (U+0000) at position 4", fromForm.getMessage());
        assertEquals("phone", rejected(FORM, Samples.read("sms-gateway/flat.form").replace("%2B63", "%2B%0063")).field());
        assertEquals("data.phone", rejected(JSON, sms("phone", "\"+63\\u007f\"")).field(), "DEL");
        assertEquals("data.phone", rejected(JSON, sms("phone", "\"+63\\udc00\"")).field(), "a lone surrogate");
    }

    @Test
    void theMessageKeepsControlCharactersAndNulButNotALoneSurrogate() throws WebhookRejection {
        MessageReceived message = (MessageReceived) read(JSON, sms("message", "\"a\\u0000b\\u001bc\"")).get(0).event();
        assertEquals("a\u0000b\u001bc", message.text());
        WebhookRejection surrogate = rejected(JSON, sms("message", "\"a\\ud800\""));
        assertEquals("data.message", surrogate.field());
        assertTrue(surrogate.getMessage().contains("unpaired UTF-16 surrogate"), surrogate.getMessage());
        assertEquals("data.message", rejected(JSON, sms("message", "42")).field(), "text is a string");
    }

    @Test
    void aSecretThatIsNotTextDoesNotMatch() {
        for (String secret : List.of("42", "true", "{}", "null")) {
            String body = "{\"secret\":" + secret + ",\"type\":\"sms\",\"data\":{\"id\":1,\"phone\":\"+1\"}}";
            WebhookRejection refused = rejected(JSON, body);
            assertEquals(HttpStatus.UNAUTHORIZED, refused.status(), secret);
            assertNull(refused.field());
        }
    }
}
