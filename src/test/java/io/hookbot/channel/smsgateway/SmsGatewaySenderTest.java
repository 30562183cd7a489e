package io.hookbot.channel.smsgateway;

import io.hookbot.api.Attachment;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.testing.FakeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SMS gateway sender posts, read back from a fake gateway over real HTTP: WhatsApp media and document
 * messages, SMS with files, and which device, SIM and account a reply leaves from.
 */
class SmsGatewaySenderTest {

    static final Map<String, String> WHATSAPP = Map.of("medium", "whatsapp", "account", "wa-in", "phone", "+15550100");
    static final Map<String, String> SMS = Map.of("medium", "sms", "device", "dev-in", "sim", "2", "phone", "+15550100");

    private final FakeGateway gateway = new FakeGateway();
    private final HttpClients clients = new HttpClients();

    @AfterEach
    void close() {
        clients.close();
        gateway.close();
    }

    private Map<String, String> sent(Map<String, String> replyTo, String text, Attachment... files) {
        return sent(Map.of(), replyTo, text, files);
    }

    private Map<String, String> sent(Map<String, String> extraSettings, Map<String, String> replyTo, String text,
                                     Attachment... files) {
        SendResult result = sender(extraSettings).send(new OutboundMessage(7, "sms-main", replyTo, text, List.of(files)));
        assertInstanceOf(SendResult.Sent.class, result, result.toString());
        List<FakeGateway.Call> calls = gateway.calls();
        assertEquals(1, calls.size());
        assertEquals("whatsapp".equals(replyTo.get("medium")) ? "/api/send/whatsapp" : "/api/send/sms",
                calls.get(0).path());
        return calls.get(0).form();
    }

    private SmsGatewaySender sender(Map<String, String> extraSettings) {
        Map<String, String> settings = new HashMap<>(Map.of("secret", "s", "send.url", gateway.url(),
                "send.api-key", "key-1", "send.device", "dev-channel", "send.sim", "1",
                "send.whatsapp-account", "wa-channel"));
        settings.putAll(extraSettings);
        ChannelConfig channel = new ChannelConfig("sms-main", "sms-gateway", settings);
        return new SmsGatewaySender(channel, clients.client(gateway.url(), Duration.ofSeconds(5)));
    }

    @Test
    void aWhatsappReplyWithoutFilesIsAText() {
        assertEquals(Map.of("secret", "key-1", "account", "wa-in", "recipient", "+15550100", "type", "text",
                "message", "hi"), sent(WHATSAPP, "hi"));
    }

    @Test
    void anImageGoesAsMediaWithTheTextAsCaption() {
        Map<String, String> form = sent(WHATSAPP, "Your photo",
                new Attachment("https://cdn.example.com/p/cat.jpg", "image", null));

        assertEquals(Map.of("secret", "key-1", "account", "wa-in", "recipient", "+15550100", "type", "media",
                "message", "Your photo", "media_url", "https://cdn.example.com/p/cat.jpg", "media_type", "image"), form);
    }

    @Test
    void audioAndVideoWithoutATypeAreRecognisedByTheirExtension() {
        assertEquals("audio", sent(WHATSAPP, "", new Attachment("https://x.example/v/note.MP3?sig=1", null, null))
                .get("media_type"));
        gateway.clearCalls();
        assertEquals("video", sent(WHATSAPP, "", new Attachment("https://x.example/clip.mp4", null, "")).get("media_type"));
    }

    @Test
    void aPdfGoesAsADocumentWithItsNameAndType() {
        Map<String, String> form = sent(WHATSAPP, "Your invoice",
                new Attachment("https://files.example.com/i/8812", "document", "Invoice 8812.pdf"));

        assertEquals("document", form.get("type"));
        assertEquals("https://files.example.com/i/8812", form.get("document_url"));
        assertEquals("Invoice 8812.pdf", form.get("document_name"));
        assertEquals("pdf", form.get("document_type"));
        assertEquals("Your invoice", form.get("message"));
        assertEquals(null, form.get("media_url"));
    }

    @Test
    void aDocumentsNameAndTypeComeFromItsUrlWhenItHasNoName() {
        Map<String, String> form = sent(WHATSAPP, "Terms",
                new Attachment("https://files.example.com/docs/Terms%20of%20Sale.DOCX", null, null));

        assertEquals("document", form.get("type"));
        assertEquals("Terms of Sale.DOCX", form.get("document_name"));
        assertEquals("docx", form.get("document_type"));
    }

    @Test
    void aFileTheGatewayCannotSendAsADocumentGoesAsALinkAfterTheText() {
        Map<String, String> form = sent(WHATSAPP, "The archive",
                new Attachment("https://files.example.com/all.zip", "document", null));

        assertEquals(Map.of("secret", "key-1", "account", "wa-in", "recipient", "+15550100", "type", "text",
                "message", "The archive\nhttps://files.example.com/all.zip"), form);
    }

    @Test
    void theFirstFileGoesAsTheFileAndTheOthersAsLinksInTheCaption() {
        Map<String, String> form = sent(WHATSAPP, "Two pictures",
                new Attachment("https://cdn.example.com/a.png", "image", null),
                new Attachment("https://cdn.example.com/b.png", "image", null));

        assertEquals("media", form.get("type"));
        assertEquals("https://cdn.example.com/a.png", form.get("media_url"));
        assertEquals("Two pictures\nhttps://cdn.example.com/b.png", form.get("message"));
    }

    @Test
    void anSmsWithFilesCarriesTheirLinksAfterTheText() {
        Map<String, String> form = sent(SMS, "Your ticket",
                new Attachment("https://t.example.com/t/1.pdf", "document", "ticket.pdf"));

        assertEquals(Map.of("secret", "key-1", "mode", "devices", "device", "dev-in", "sim", "2",
                "phone", "+15550100", "message", "Your ticket\nhttps://t.example.com/t/1.pdf"), form);
    }

    @Test
    void byDefaultAReplyLeavesFromTheLineTheMessageCameInOn() {
        assertEquals("dev-in", sent(SMS, "x").get("device"));
        assertEquals("2", gateway.calls().get(0).form().get("sim"));
        gateway.clearCalls();
        assertEquals("wa-in", sent(WHATSAPP, "x").get("account"));
    }

    @Test
    void whatTheMessageDoesNotSayComesFromTheChannel() {
        Map<String, String> form = sent(Map.of("medium", "sms", "phone", "+15550100"), "x");
        assertEquals("dev-channel", form.get("device"));
        assertEquals("1", form.get("sim"));
        gateway.clearCalls();
        assertEquals("wa-channel", sent(Map.of("medium", "whatsapp", "phone", "+15550100"), "x").get("account"));
    }

    @Test
    void replyFromChannelSendsEveryReplyFromTheChannelsLine() {
        Map<String, String> settings = Map.of("send.reply-from", "channel", "send.sim", "3");

        Map<String, String> sms = sent(settings, SMS, "x");
        assertEquals("dev-channel", sms.get("device"));
        assertEquals("3", sms.get("sim"));
        gateway.clearCalls();
        assertEquals("wa-channel", sent(settings, WHATSAPP, "x").get("account"));
    }

    @Test
    void withoutALineToSendFromTheReplyFailsNamingTheSetting() {
        Map<String, String> settings = new HashMap<>(Map.of("secret", "s", "send.url", gateway.url(), "send.api-key", "k"));
        SmsGatewaySender bare = new SmsGatewaySender(new ChannelConfig("sms-main", "sms-gateway", settings),
                clients.client(gateway.url(), Duration.ofSeconds(5)));

        SendResult sms = bare.send(new OutboundMessage(1, "sms-main", Map.of("medium", "sms", "phone", "+1"), "x", null));
        SendResult wa = bare.send(new OutboundMessage(2, "sms-main", Map.of("medium", "whatsapp", "phone", "+1"), "x", null));

        assertTrue(assertInstanceOf(SendResult.Failed.class, sms).error().contains("hookbot.channels.sms-main.send.device"));
        assertTrue(assertInstanceOf(SendResult.Failed.class, wa).error().contains("send.whatsapp-account"));
        assertTrue(gateway.calls().isEmpty());
    }

    @Test
    void aWrongReplyFromStopsTheStartupNamingIt() {
        SmsGatewayPlatform platform = new SmsGatewayPlatform(clients);
        ChannelConfig wrong = new ChannelConfig("sms-main", "sms-gateway", Map.of("secret", "s",
                "send.reply-from", "phone"));
        ChannelConfig noLine = new ChannelConfig("sms-main", "sms-gateway", Map.of("secret", "s",
                "send.reply-from", "channel"));

        assertTrue(assertThrows(ChannelConfigException.class, () -> platform.validate(wrong)).getMessage()
                .startsWith("hookbot.channels.sms-main.send.reply-from must be 'message'"));
        assertTrue(assertThrows(ChannelConfigException.class, () -> platform.validate(noLine)).getMessage()
                .contains("set send.device (SMS) or send.whatsapp-account"));
    }
}
