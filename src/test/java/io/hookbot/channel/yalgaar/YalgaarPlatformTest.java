package io.hookbot.channel.yalgaar;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.testing.Samples;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Yalgaar's Presence and Message webhooks, from the seed's shapes and the samples, quirks and bad input included. */
class YalgaarPlatformTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("yalgaar-main", "yalgaar",
            Map.of("client-key", "ck-demo-3f9a2c"));

    private final YalgaarPlatform platform = new YalgaarPlatform(new MqttConnections(
            new io.hookbot.worker.Supervisor(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(30))));

    private List<InboundEvent> read(String json) throws WebhookRejection {
        return platform.read(CHANNEL, new WebhookRequest("application/json", json.getBytes(StandardCharsets.UTF_8),
                Map.of()));
    }

    private WebhookRejection rejected(String json) {
        return assertThrows(WebhookRejection.class, () -> read(json));
    }

    static String call(String source, String key, List<String> entries) {
        return "{\"items\":{\"source\":\"" + source + "\",\"clientKey\":\"" + key + "\",\"data\":["
                + String.join(",", entries) + "]}}";
    }

    static String call(String source, String... entries) {
        return call(source, "ck-demo-3f9a2c", List.of(entries));
    }

    static String presence(int i) {
        return "{\"channel\":\"lobby\",\"uuid\":\"user-" + i + "\",\"timestamp\":\"" + (1602511574 + i)
                + "\",\"action\":\"bind\"}";
    }

    @Test
    void presenceEntriesAreJoinsAndLeavesScopedToTheYalgaarChannel() throws WebhookRejection {
        List<InboundEvent> events = read(Samples.read("yalgaar/presence.json"));

        assertEquals(3, events.size());
        assertEquals(new PresenceChanged("yalgaar-main", "channel:support-lobby", User.of("alice-7f3a"),
                PresenceChanged.Status.JOINED, "support-lobby", Instant.ofEpochSecond(1602511574)), events.get(0).event());
        PresenceChanged left = (PresenceChanged) events.get(2).event();
        assertEquals(PresenceChanged.Status.LEFT, left.status());
        assertEquals("news", left.scope());
        assertEquals("channel:news", left.conversation());
        events.forEach(e -> assertTrue(e.dedupeKey().matches("presence:\\d{12}:[0-9a-f]{32}"), e.dedupeKey()));
        assertEquals(3, new HashSet<>(events.stream().map(InboundEvent::dedupeKey).toList()).size());
    }

    @Test
    void messageEntriesAreMessagesInTheChannelsConversation() throws WebhookRejection {
        List<InboundEvent> events = read(Samples.read("yalgaar/message.json"));

        assertEquals(2, events.size());
        MessageReceived first = (MessageReceived) events.get(0).event();
        assertEquals("yalgaar-main", first.channel());
        assertEquals("channel:support-lobby", first.conversation());
        assertEquals(User.of("alice-7f3a"), first.sender());
        assertEquals("hello, is anyone there?", first.text());
        assertEquals(MessageKind.TEXT, first.kind());
        assertNull(first.externalId());
        assertEquals(Instant.ofEpochSecond(1602511590), first.timestamp());
        assertEquals(Map.of("channel", "support-lobby"), first.replyTo());
        assertTrue(events.get(0).dedupeKey().matches("message:\\d{12}:[0-9a-f]{32}"), events.get(0).dedupeKey());
    }

    @Test
    void theDedupeKeyIsStableAndChangesWithEachIdentifyingField() throws WebhookRejection {
        String entry = "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"10\",\"message\":\"hi\"}";
        String key = read(call("Message", entry)).get(0).dedupeKey();

        assertEquals(key, read(call("Message", entry)).get(0).dedupeKey());
        assertEquals(key, read(call("Message", entry.replace("\"10\"", "10"))).get(0).dedupeKey(),
                "a number and its string are the same timestamp");
        for (String changed : List.of(entry.replace("\"c\"", "\"d\""), entry.replace("\"u\"", "\"v\""),
                entry.replace("\"10\"", "\"11\""), entry.replace("\"hi\"", "\"hi!\""))) {
            assertNotEquals(key, read(call("Message", changed)).get(0).dedupeKey(), changed);
        }
        String bind = "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"10\",\"action\":\"bind\"}";
        assertNotEquals(read(call("Presence", bind)).get(0).dedupeKey(),
                read(call("Presence", bind.replace("\"bind\"", "\"unbind\""))).get(0).dedupeKey());
    }

    @Test
    void sourceAndActionAreReadWithoutRegardToCaseAndATimestampMayBeANumber() throws WebhookRejection {
        List<InboundEvent> events = read(call("presence",
                "{\"channel\":\"c\",\"uuid\":\"42\",\"timestamp\":1602511574,\"action\":\"UNBIND\"}"));

        PresenceChanged event = (PresenceChanged) events.get(0).event();
        assertEquals(PresenceChanged.Status.LEFT, event.status());
        assertEquals("42", event.user().id());
        assertEquals(Instant.ofEpochSecond(1602511574), event.timestamp());
    }

    @Test
    void channelUuidAndActionAreStringsAsTheDocumentSays() {
        String entry = "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"1\",\"action\":\"bind\"}";
        for (String bad : List.of("42", "true", "1.5", "{}", "[\"c\"]")) {
            assertEquals("items.data[0].channel", rejected(call("Presence", entry.replace("\"c\"", bad))).field(), bad);
            assertEquals("items.data[0].uuid", rejected(call("Presence", entry.replace("\"u\"", bad))).field(), bad);
            assertEquals("items.data[0].action", rejected(call("Presence", entry.replace("\"bind\"", bad))).field(), bad);
            assertEquals("items.source", rejected(call("Presence", entry).replace("\"Presence\"", bad)).field(), bad);
        }
        for (String bad : List.of("true", "1.5", "\"1.5\"", "\"0x1F\"", "1e400", "-1", "\"-1\"")) {
            assertEquals("items.data[0].timestamp", rejected(call("Presence", entry.replace("\"1\"", bad))).field(), bad);
        }
        WebhookRejection nul = rejected(call("Presence", entry.replace("\"c\"", "\"lob\\u0000by\"")));
        assertEquals("items.data[0].channel: holds a NUL character (U+0000) at position 4", nul.getMessage());
        assertEquals("items.data[0].channel", rejected(call("Presence", entry.replace("\"c\"", "\"\\udbff\""))).field());
    }

    @Test
    void aMessageKeepsControlCharactersButNotALoneSurrogate() throws WebhookRejection {
        String entry = "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"1\",\"message\":\"TEXT\"}";
        MessageReceived kept = (MessageReceived) read(call("Message", entry.replace("TEXT", "a\\u0000\\tb"))).get(0).event();
        assertEquals("a\u0000\tb", kept.text());
        assertEquals("items.data[0].message", rejected(call("Message", entry.replace("TEXT", "\\ud800x"))).field());
        assertEquals("items.data[0].message", rejected(call("Message", entry.replace("\"TEXT\"", "7"))).field());
    }

    @Test
    void aClientKeyThatIsNotTextDoesNotMatch() {
        WebhookRejection number = rejected("{\"items\":{\"source\":\"Message\",\"clientKey\":42,\"data\":[]}}");
        assertEquals(HttpStatus.UNAUTHORIZED, number.status());
    }

    @Test
    void twoHundredEntriesAreReadAndMoreAreRefused() throws WebhookRejection {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < YalgaarParser.MAX_ENTRIES; i++) {
            entries.add(presence(i));
        }
        assertEquals(200, read(call("Presence", "ck-demo-3f9a2c", entries)).size());

        entries.add(presence(200));
        WebhookRejection tooMany = rejected(call("Presence", "ck-demo-3f9a2c", entries));
        assertEquals("items.data", tooMany.field());
        assertTrue(tooMany.getMessage().contains("201"), tooMany.getMessage());
    }

    @Test
    void anEmptyListCarriesNoEvents() throws WebhookRejection {
        assertEquals(List.of(), read(call("Message")));
    }

    @Test
    void aMissingOrWrongClientKeyIs401() {
        WebhookRejection wrong = rejected(call("Message", "guess", List.of()));
        WebhookRejection missing = rejected("{\"items\":{\"source\":\"Message\",\"data\":[]}}");

        assertEquals(HttpStatus.UNAUTHORIZED, wrong.status());
        assertTrue(wrong.getMessage().contains("does not match"), wrong.getMessage());
        assertEquals(HttpStatus.UNAUTHORIZED, missing.status());
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void oneBadEntryRejectsTheBatchNamingItsIndex() {
        String good = presence(0);
        assertEquals("items.data[3].timestamp", rejected(call("Presence", good, good, good,
                "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"soon\",\"action\":\"bind\"}")).field());
        assertEquals("items.data[0].action", rejected(call("Presence",
                "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"1\",\"action\":\"join\"}")).field());
        assertEquals("items.data[1].channel", rejected(call("Presence", good,
                "{\"uuid\":\"u\",\"timestamp\":\"1\",\"action\":\"bind\"}")).field());
        assertEquals("items.data[0].uuid", rejected(call("Message",
                "{\"channel\":\"c\",\"timestamp\":\"1\",\"message\":\"m\"}")).field());
        assertEquals("items.data[0].message", rejected(call("Message",
                "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"1\"}")).field());
        assertEquals("items.data[0].message", rejected(call("Message",
                "{\"channel\":\"c\",\"uuid\":\"u\",\"timestamp\":\"1\",\"message\":{\"a\":1}}")).field());
        assertEquals("items.data[1]", rejected(call("Presence", good, "\"oops\"")).field());
    }

    @Test
    void aBadCallIsA400NamingTheProblem() {
        assertEquals("items.source", rejected(call("Publish", presence(0))).field());
        assertEquals("items.source", rejected("{\"items\":{\"clientKey\":\"ck-demo-3f9a2c\",\"data\":[]}}").field());
        assertEquals("items.data", rejected("{\"items\":{\"source\":\"Message\",\"clientKey\":\"ck-demo-3f9a2c\"}}").field());
        assertEquals("items.data", rejected("{\"items\":{\"source\":\"Message\",\"clientKey\":\"ck-demo-3f9a2c\","
                + "\"data\":{\"channel\":\"c\"}}}").field());
        assertEquals("items", rejected("{\"source\":\"Message\"}").field());
        assertEquals("items", rejected("{\"items\":[]}").field());
        assertNull(rejected("[]").field());
        WebhookRejection malformed = rejected("{\"items\":{\"source\":\"Message\",");
        assertEquals(HttpStatus.BAD_REQUEST, malformed.status());
        assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());
    }

    @Test
    void aChannelWithoutAClientKeyDoesNotStart() {
        assertThrows(ChannelConfigException.class,
                () -> platform.validate(new ChannelConfig("y", "yalgaar", Map.of())));
    }
}
