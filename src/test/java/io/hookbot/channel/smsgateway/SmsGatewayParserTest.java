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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The older flat form ({@code secret, phone, message, receive_date}) that some gateway deployments still send, and
 * the kind of a WhatsApp message's attachment.
 */
class SmsGatewayParserTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("sms-main", "sms-gateway", Map.of("secret", "demo-secret"));
    static final String FORM = "application/x-www-form-urlencoded";

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
}
