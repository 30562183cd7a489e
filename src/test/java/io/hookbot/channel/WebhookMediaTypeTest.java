package io.hookbot.channel;

import io.hookbot.channel.mqttchat.MqttChatPlatform;
import io.hookbot.channel.smsgateway.SmsGatewayPlatform;
import io.hookbot.channel.vcaas.VcaasPlatform;
import io.hookbot.channel.webinato.WebinatoPlatform;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Content-Types each platform accepts, and the 415 for the others. */
class WebhookMediaTypeTest {

    private final Platform sms = new SmsGatewayPlatform(null);
    private final Platform webinato = new WebinatoPlatform();
    private final Platform json = new VcaasPlatform();

    private static WebhookRejection refused(Platform platform, String header) {
        WebhookRejection refused = assertThrows(WebhookRejection.class, () -> WebhookMediaType.check(platform, header),
                String.valueOf(header));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, refused.status());
        assertEquals("unsupported_media_type", refused.error());
        assertEquals("Content-Type", refused.field());
        return refused;
    }

    @Test
    void eachPlatformSaysWhichMediaTypesItSends() {
        assertEquals(List.of(WebhookMediaType.FORM, WebhookMediaType.JSON), sms.mediaTypes());
        assertEquals(List.of(WebhookMediaType.FORM), webinato.mediaTypes());
        assertEquals(List.of(WebhookMediaType.JSON), json.mediaTypes());
        assertEquals(List.of(WebhookMediaType.JSON), new MqttChatPlatform().mediaTypes());
    }

    @Test
    void theAcceptedTypesWithAUtf8CharsetOrAJsonSuffixPass() throws WebhookRejection {
        assertEquals("application/json", WebhookMediaType.check(json, "application/json"));
        assertEquals("application/json", WebhookMediaType.check(json, "Application/JSON; charset=UTF-8"));
        assertEquals("application/json", WebhookMediaType.check(json, "application/json;charset=\"utf8\""));
        assertEquals("application/vnd.vcaas.v1+json", WebhookMediaType.check(json, "application/vnd.vcaas.v1+json"));
        assertEquals(WebhookMediaType.FORM, WebhookMediaType.check(sms, "application/x-www-form-urlencoded; charset=utf-8"));
        assertEquals(WebhookMediaType.JSON, WebhookMediaType.check(sms, "application/json"));
        assertEquals(WebhookMediaType.FORM, WebhookMediaType.check(webinato, "application/x-www-form-urlencoded"));
    }

    @Test
    void anotherTypeOrNoneIsA415NamingWhatThePlatformSends() {
        WebhookRejection text = refused(sms, "text/plain");
        assertEquals("Content-Type: 'text/plain' is not accepted; sms-gateway webhooks are sent as "
                + "application/x-www-form-urlencoded or application/json", text.getMessage());
        assertTrue(refused(webinato, "application/json").getMessage().endsWith("sent as application/x-www-form-urlencoded"));
        refused(json, "application/x-www-form-urlencoded");
        refused(json, "application/xml");
        refused(json, "text/json");
        refused(json, "multipart/form-data; boundary=x");
        refused(webinato, "application/vnd.x+json");
        assertTrue(refused(json, null).getMessage().startsWith("Content-Type: is missing;"));
        refused(json, " ");
    }

    @Test
    void aCharsetOtherThanUtf8IsA415() {
        assertTrue(refused(json, "application/json; charset=ISO-8859-1").getMessage().contains("must be UTF-8"));
        refused(sms, "application/x-www-form-urlencoded; charset=windows-1252");
        refused(json, "application/json; charset=utf-16");
        refused(json, "application/json; charset=no-such-charset");
        refused(json, "application/json; charset=\u0000");
    }

    @Test
    void theHeaderIsQuotedPrintableAndShort() {
        String message = refused(json, "text/" + "x".repeat(100) + "\u0007").getMessage();
        assertFalse(message.contains("x".repeat(41)), message);
        assertFalse(message.chars().anyMatch(c -> c < 0x20), message);
    }
}
