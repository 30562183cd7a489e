package io.hookbot.channel.mqttchat;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.testing.Samples;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MQTT chat's presence and message callbacks, from the seed's examples, quirks and bad input included. */
class MqttChatPlatformTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("chat", "mqtt-chat", Map.of("token", "demo-token"));

    private final MqttChatPlatform platform = new MqttChatPlatform();

    private List<InboundEvent> read(String json, String token) throws WebhookRejection {
        Map<String, String> query = token == null ? Map.of() : Map.of("token", token);
        return platform.read(CHANNEL, new WebhookRequest("application/json",
                json.getBytes(StandardCharsets.UTF_8), query));
    }

    private InboundEvent readOne(String json) throws WebhookRejection {
        List<InboundEvent> events = read(json, "demo-token");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private WebhookRejection rejected(String json) {
        return assertThrows(WebhookRejection.class, () -> read(json, "demo-token"));
    }

    private static String message(int type) {
        return "{\"from_userid\":2,\"to_userid\":3601,\"message\":{\"id\":9,\"message\":\"m\",\"type\":" + type
                + ",\"timestamp\":1602511586}}";
    }

    @Test
    void theSeedsPresenceExampleIsAPresenceChangeOfThatUser() throws WebhookRejection {
        InboundEvent inbound = readOne(Samples.read("mqtt-chat/presence-online.json"));

        assertEquals("presence:1:online:1602511574", inbound.dedupeKey());
        assertEquals(new PresenceChanged("chat", "user:1", User.of("1"), PresenceChanged.Status.ONLINE, null,
                Instant.ofEpochSecond(1602511574)), inbound.event());
    }

    @Test
    void userZeroOfflineMeansEveryoneWentOffline() throws WebhookRejection {
        InboundEvent inbound = readOne(Samples.read("mqtt-chat/presence-everyone-offline.json"));

        PresenceChanged event = (PresenceChanged) inbound.event();
        assertEquals(PresenceChanged.EVERYONE, event.user().id());
        assertEquals("user:*", event.conversation());
        assertEquals(PresenceChanged.Status.OFFLINE, event.status());
        assertEquals("presence:0:offline:1602519000", inbound.dedupeKey());
        PresenceChanged zeroOnline = (PresenceChanged) readOne(
                "{\"userid\":\"0\",\"status\":\"online\",\"timestamp\":1}").event();
        assertEquals("0", zeroOnline.user().id(), "only offline of user 0 means everyone");
    }

    @Test
    void statusesMapToOnlineOfflineOrAway() throws WebhookRejection {
        Map<String, PresenceChanged.Status> expected = Map.of(
                "Online", PresenceChanged.Status.ONLINE, "offline", PresenceChanged.Status.OFFLINE,
                "invisible", PresenceChanged.Status.OFFLINE, "away", PresenceChanged.Status.AWAY,
                "BUSY", PresenceChanged.Status.AWAY, "idle", PresenceChanged.Status.AWAY,
                "dnd", PresenceChanged.Status.AWAY);
        for (Map.Entry<String, PresenceChanged.Status> status : expected.entrySet()) {
            PresenceChanged event = (PresenceChanged) readOne(
                    "{\"userid\":5,\"status\":\"" + status.getKey() + "\",\"timestamp\":1602511574}").event();
            assertEquals(status.getValue(), event.status(), status.getKey());
        }
    }

    @Test
    void theSeedsMessageExampleIsAMessageInThePairsConversation() throws WebhookRejection {
        InboundEvent inbound = readOne(Samples.read("mqtt-chat/message-text.json"));

        assertEquals("msg:138946", inbound.dedupeKey());
        MessageReceived message = (MessageReceived) inbound.event();
        assertEquals("chat", message.channel());
        assertEquals("chat:2:3601", message.conversation());
        assertEquals(User.of("2"), message.sender());
        assertEquals("ok", message.text());
        assertEquals(MessageKind.TEXT, message.kind());
        assertEquals("138946", message.externalId());
        assertEquals(Instant.ofEpochSecond(1602511586), message.timestamp());
        assertNull(message.sequence());
        assertEquals(Map.of("to", "2", "from", "3601"), message.replyTo());
    }

    @Test
    void bothDirectionsOfAChatShareOneConversationOrderedByNumber() throws WebhookRejection {
        MessageReceived answer = (MessageReceived) readOne(Samples.read("mqtt-chat/message-reply.json")).event();
        assertEquals("chat:2:3601", answer.conversation(), "3601 > 2 as numbers, not as text");
        assertEquals(Map.of("to", "3601", "from", "2"), answer.replyTo());
        MessageReceived asDigits = (MessageReceived) readOne(
                "{\"from_userid\":\"0040\",\"to_userid\":\"9\",\"message\":{\"id\":1,\"type\":0}}").event();
        assertEquals("chat:9:40", asDigits.conversation(), "ids as digits are the same users as numbers");
        assertEquals(User.of("40"), asDigits.sender());
        assertEquals("", asDigits.text());
    }

    @Test
    void userAndMessageIdsAreWholeNumbersAsTheSeedShowsThem() throws WebhookRejection {
        for (String bad : List.of("true", "1.5", "\"0x1F\"", "1e400", "-1", "\"zoe\"", "\" 7\"", "{}", "[2]")) {
            assertEquals("userid", rejected("{\"userid\":" + bad + ",\"status\":\"online\",\"timestamp\":1}").field(), bad);
            assertEquals("from_userid", rejected(message(0).replace("\"from_userid\":2", "\"from_userid\":" + bad)).field(), bad);
            assertEquals("to_userid", rejected(message(0).replace("\"to_userid\":3601", "\"to_userid\":" + bad)).field(), bad);
            assertEquals("message.id", rejected(message(0).replace("\"id\":9", "\"id\":" + bad)).field(), bad);
        }
        assertEquals("message.id", rejected(message(0).replace("\"id\":9", "\"id\":0")).field(), "ids count from 1");
        assertEquals("from_userid", rejected(message(0).replace("\"from_userid\":2", "\"from_userid\":0")).field());
        WebhookRejection huge = rejected(message(0).replace("\"id\":9", "\"id\":1e400"));
        assertTrue(huge.getMessage().contains("fraction or an exponent"), huge.getMessage());
        assertEquals("msg:138946", readOne(message(0).replace("\"id\":9", "\"id\":\"138946\"")).dedupeKey());
        assertEquals("status", rejected("{\"userid\":1,\"status\":true,\"timestamp\":1}").field());
    }

    @Test
    void theChatTextKeepsControlCharactersButNotALoneSurrogate() throws WebhookRejection {
        MessageReceived withNul = (MessageReceived) readOne(message(0).replace("\"m\"", "\"a\\u0000b\\u0007\"")).event();
        assertEquals("a\u0000b\u0007", withNul.text());
        WebhookRejection surrogate = rejected(message(0).replace("\"m\"", "\"a\\ud800\""));
        assertEquals("message.message", surrogate.field());
        assertTrue(surrogate.getMessage().contains("unpaired UTF-16 surrogate (U+D800) at position 2"), surrogate.getMessage());
        assertEquals("message.message", rejected(message(0).replace("\"m\"", "42")).field());
        assertEquals("status", rejected("{\"userid\":1,\"status\":\"on\\u0000line\",\"timestamp\":1}").field());
    }

    @Test
    void theKindComesFromTheType() throws WebhookRejection {
        List<MessageKind> kinds = List.of(MessageKind.TEXT, MessageKind.STICKER, MessageKind.PICTURE,
                MessageKind.AUDIO, MessageKind.PICTURE, MessageKind.NOTIFICATION);
        for (int type = 0; type < kinds.size(); type++) {
            assertEquals(kinds.get(type), ((MessageReceived) readOne(message(type)).event()).kind(), "type " + type);
        }
        assertEquals(MessageKind.STICKER, ((MessageReceived) readOne(message(1).replace(":1,", ":\"1\",")).event()).kind());
    }

    @Test
    void aMissingOrWrongTokenIsA404NeverA401() {
        String body = Samples.read("mqtt-chat/message-text.json");
        WebhookRejection missing = assertThrows(WebhookRejection.class, () -> read(body, null));
        WebhookRejection wrong = assertThrows(WebhookRejection.class, () -> read(body, "guess"));

        assertEquals(HttpStatus.NOT_FOUND, missing.status());
        assertEquals(HttpStatus.NOT_FOUND, wrong.status());
        assertTrue(wrong.getMessage().contains("token"), wrong.getMessage());
    }

    @Test
    void anyRejectionThatWouldBe401Or403IsAnswered404() {
        for (HttpStatus status : List.of(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN)) {
            assertEquals(404, platform.reject(CHANNEL,
                    new WebhookRejection(status, "unauthorized", null, "no")).code());
        }
        assertEquals(400, platform.reject(CHANNEL, WebhookRejection.invalid("status", "bad")).code());
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        assertNull(rejected("{\"foo\":1}").field());
        assertTrue(rejected("{\"foo\":1}").getMessage().contains("unknown callback"));
        assertTrue(rejected("{\"userid\":1,\"status\":\"online\",\"message\":{}}").getMessage().contains("mixes"));
        assertNull(rejected("[1]").field());
        assertNull(rejected("{\"userid\":1,").field());
        assertEquals(HttpStatus.BAD_REQUEST, rejected("{\"userid\":1,").status());
        assertEquals("userid", rejected("{\"status\":\"online\",\"timestamp\":1}").field());
        assertEquals("status", rejected("{\"userid\":1,\"timestamp\":1}").field());
        WebhookRejection unknownStatus = rejected("{\"userid\":1,\"status\":\"sleeping\",\"timestamp\":1}");
        assertEquals("status", unknownStatus.field());
        assertTrue(unknownStatus.getMessage().contains("'sleeping'"), unknownStatus.getMessage());
        assertEquals("timestamp", rejected("{\"userid\":1,\"status\":\"online\"}").field());
        assertEquals("timestamp", rejected("{\"userid\":1,\"status\":\"online\",\"timestamp\":\"noon\"}").field());
        assertEquals("userid", rejected("{\"userid\":{\"id\":1},\"status\":\"online\",\"timestamp\":1}").field());
        assertEquals("message", rejected("{\"from_userid\":2,\"to_userid\":3}").field());
        assertEquals("message", rejected("{\"from_userid\":2,\"to_userid\":3,\"message\":\"ok\"}").field());
        assertEquals("to_userid", rejected("{\"from_userid\":2,\"message\":{\"id\":1,\"type\":0}}").field());
        assertEquals("message.id", rejected("{\"from_userid\":2,\"to_userid\":3,\"message\":{\"type\":0}}").field());
        assertEquals("message.type", rejected("{\"from_userid\":2,\"to_userid\":3,\"message\":{\"id\":1}}").field());
        assertEquals("message.type", rejected(message(6)).field());
        assertEquals("message.type", rejected(message(0).replace("\"type\":0", "\"type\":\"text\"")).field());
        assertEquals("message.timestamp", rejected(message(0).replace("1602511586", "\"yesterday\"")).field());
    }
}
