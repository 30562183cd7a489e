package io.hookbot.channel.webinato;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.BatchMark;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.testing.Samples;
import io.micronaut.http.HttpStatus;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import io.hookbot.testing.LogCapture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webinato's RealTimeChat webhook, read from the seed's fields and the samples, quirks and bad input included. */
class WebinatoPlatformTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("room-42", "webinato", Map.of("token", "demo-token"));
    static final String FORM = "application/x-www-form-urlencoded";

    private final WebinatoPlatform platform = new WebinatoPlatform();

    /** @return the call's events: its batch marker first, then its messages */
    private List<InboundEvent> readAll(String contentType, String body, String token) throws WebhookRejection {
        Map<String, String> query = token == null ? Map.of() : Map.of("token", token);
        return platform.read(CHANNEL, new WebhookRequest(contentType, body.getBytes(StandardCharsets.UTF_8), query));
    }

    /** @return the call's messages, after checking that its batch marker comes first */
    private List<InboundEvent> read(String contentType, String body, String token) throws WebhookRejection {
        List<InboundEvent> all = readAll(contentType, body, token);
        assertNotNull(all.get(0).batchMark(), "the marker first: " + all);
        return all.subList(1, all.size());
    }

    private List<InboundEvent> read(String form) throws WebhookRejection {
        return read(FORM, form, "demo-token");
    }

    private static String form(String inquiry, String room, String batch, String msgsJson) {
        StringBuilder form = new StringBuilder("sender=Webinato");
        if (inquiry != null) {
            form.append("&inquiry=").append(inquiry);
        }
        if (room != null) {
            form.append("&roomID=").append(room);
        }
        if (batch != null) {
            form.append("&batchNo=").append(batch);
        }
        if (msgsJson != null) {
            form.append("&msgsJSON=").append(URLEncoder.encode(msgsJson, StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    private static String messages(String... messages) {
        return "[" + String.join(",", messages) + "]";
    }

    private WebhookRejection rejected(String form) {
        return assertThrows(WebhookRejection.class, () -> read(form));
    }

    @Test
    void eachMessageOfTheSampleBatchIsAMessageInTheRoomsConversation() throws WebhookRejection {
        List<InboundEvent> events = read(Samples.read("webinato/realtimechat.form"));

        assertEquals(3, events.size());
        assertEquals(List.of("msg:4520:5021:1460727180", "msg:4520:5022:1460727195", "msg:4520:5023:1460727210"),
                events.stream().map(InboundEvent::dedupeKey).toList());
        MessageReceived first = (MessageReceived) events.get(0).event();
        assertEquals("room-42", first.channel());
        assertEquals("room:4520", first.conversation());
        assertEquals(new User("Maria Lopez", "Maria Lopez", "attendee"), first.sender());
        assertEquals("Hello everyone, can you hear the presenter?", first.text());
        assertEquals(MessageKind.TEXT, first.kind());
        assertEquals("5021", first.externalId());
        assertEquals(Instant.ofEpochSecond(1460727180), first.timestamp());
        assertEquals(new MessageReceived.Sequence(3, 5021), first.sequence());
        assertEquals(Map.of(), first.replyTo(), "Webinato has no send API");
        assertEquals("presenter", ((MessageReceived) events.get(1).event()).sender().role());
        assertEquals("organizer", ((MessageReceived) events.get(2).event()).sender().role());
    }

    @Test
    void anEmptyBatchIsValidAndCarriesOnlyItsBatchMarker() throws WebhookRejection {
        List<InboundEvent> empty = readAll(FORM, Samples.read("webinato/empty-batch.form"), "demo-token");
        assertEquals(1, empty.size());
        assertTrue(empty.get(0).dedupeKey().startsWith("batch:4520:4:"), empty.get(0).dedupeKey());
        BatchMark marker = empty.get(0).batchMark();
        assertEquals("room:4520", marker.conversation());
        assertEquals(new BatchMark("room-42", "room:4520", 4), marker);
        assertNull(empty.get(0).event(), "a batch mark, not an event");
        List<InboundEvent> blank = readAll(FORM, form("realTimeChat", "4520", "5", ""), "demo-token");
        assertEquals(1, blank.size());
        assertTrue(blank.get(0).dedupeKey().startsWith("batch:4520:5:"), blank.get(0).dedupeKey());
    }

    @Test
    void everyCallCarriesAMarkerWhoseKeyIsTheSameForTheSameCallOnly() throws WebhookRejection {
        String one = messages("{\"authorName\":\"a\",\"ts\":100,\"msgID\":1,\"text\":\"x\"}");
        String two = messages("{\"authorName\":\"a\",\"ts\":100,\"msgID\":1,\"text\":\"x\"}",
                "{\"authorName\":\"a\",\"ts\":101,\"msgID\":2,\"text\":\"y\"}");
        String first = readAll(FORM, form("realTimeChat", "7", "2", one), "demo-token").get(0).dedupeKey();

        assertEquals(first, readAll(FORM, form("realTimeChat", "7", "2", one), "demo-token").get(0).dedupeKey(),
                "the same call again: a duplicate");
        assertNotEquals(first, readAll(FORM, form("realTimeChat", "7", "2", two), "demo-token").get(0).dedupeKey(),
                "another call under the same number");
        assertNotEquals(first, readAll(FORM, form("realTimeChat", "7", "3", one), "demo-token").get(0).dedupeKey(),
                "the same messages under another number: a repeats-only batch that takes its number");
        String twoListedTheOtherWay = messages("{\"authorName\":\"a\",\"ts\":101,\"msgID\":2,\"text\":\"y\"}",
                "{\"authorName\":\"a\",\"ts\":100,\"msgID\":1,\"text\":\"x\"}");
        assertEquals(readAll(FORM, form("realTimeChat", "7", "2", two), "demo-token").get(0).dedupeKey(),
                readAll(FORM, form("realTimeChat", "7", "2", twoListedTheOtherWay), "demo-token").get(0).dedupeKey(),
                "the same call with its messages listed in another order");
    }

    @Test
    void messagesAreStoredInMsgIdOrderAndAReusedMsgIdWithAnotherTimeIsAnotherMessage() throws WebhookRejection {
        List<InboundEvent> events = read(form("realTimeChat", "7", "1", messages(
                "{\"authorName\":\"a\",\"ts\":200,\"msgID\":9,\"text\":\"later\"}",
                "{\"authorName\":\"a\",\"ts\":100,\"msgID\":3,\"text\":\"earlier\"}")));

        assertEquals(List.of("msg:7:3:100", "msg:7:9:200"), events.stream().map(InboundEvent::dedupeKey).toList());
        String again = read(form("realTimeChat", "7", "1", messages(
                "{\"authorName\":\"a\",\"ts\":900,\"msgID\":3,\"text\":\"new session\"}"))).get(0).dedupeKey();
        assertEquals("msg:7:3:900", again);
    }

    @Test
    void rolesFollowTheSeedAndAnUnknownOneLeavesTheSenderWithoutARole() throws WebhookRejection {
        List<InboundEvent> events = read(form("realTimeChat", "7", "1", messages(
                "{\"authorName\":\"a\",\"authorRole\":1,\"ts\":1,\"msgID\":1,\"text\":\"x\"}",
                "{\"authorName\":\"b\",\"authorRole\":9,\"ts\":1,\"msgID\":2,\"text\":\"x\"}",
                "{\"authorName\":\"c\",\"ts\":1,\"msgID\":3}")));

        assertEquals("attendee", ((MessageReceived) events.get(0).event()).sender().role());
        assertNull(((MessageReceived) events.get(1).event()).sender().role());
        MessageReceived third = (MessageReceived) events.get(2).event();
        assertNull(third.sender().role());
        assertEquals("", third.text(), "a message without text has empty text");
    }

    @Test
    void anUnknownRoleIsSaidOnceAtInfoPerChannelNotPerMessage() throws WebhookRejection {
        String nine = messages("{\"authorName\":\"b\",\"authorRole\":9,\"ts\":1,\"msgID\":2,\"text\":\"x\"}");
        try (LogCapture log = new LogCapture(WebinatoParser.class)) {
            read(form("realTimeChat", "7", "1", nine));
            read(form("realTimeChat", "7", "2", nine));

            assertEquals(1, log.at(Level.INFO).size(), log.at(Level.INFO).toString());
            assertTrue(log.at(Level.INFO).get(0).contains("authorRole 9"), log.at(Level.INFO).toString());
        }
    }

    /** Over HTTP only forms are accepted (415 otherwise); JSON is read for sample files replayed from disk. */
    @Test
    void aJsonBodyWithARealArrayIsReadTheSameWay() throws WebhookRejection {
        String json = "{\"inquiry\":\"realTimeChat\",\"roomID\":\"4520\",\"batchNo\":\"3\",\"msgsJSON\":"
                + "[{\"authorName\":\"Maria Lopez\",\"authorRole\":0,\"ts\":1460727180,\"msgID\":5021,\"text\":\"hi\"}]}";

        List<InboundEvent> events = read("application/json", json, "demo-token");

        assertEquals("msg:4520:5021:1460727180", events.get(0).dedupeKey());
        assertEquals(new MessageReceived.Sequence(3, 5021), ((MessageReceived) events.get(0).event()).sequence());
    }

    @Test
    void batchAndMessageNumbersCountFrom1AndNamesAreStrings() {
        for (String bad : List.of("0", "-1", "1.5", "0x1F", "1e400", "true", "+2", "")) {
            assertEquals("batchNo", rejected(form("realTimeChat", "4520", bad, "[]")).field(), bad);
        }
        String good = "{\"authorName\":\"a\",\"authorRole\":0,\"ts\":1,\"msgID\":1,\"text\":\"x\"}";
        for (String bad : List.of("0", "-1", "1.5", "\"0x1F\"", "1e400", "true", "{}", "[1]")) {
            assertEquals("msgsJSON[0].msgID", rejected(form("realTimeChat", "4520", "1",
                    messages(good.replace("\"msgID\":1", "\"msgID\":" + bad)))).field(), bad);
            assertEquals("msgsJSON[0].ts", rejected(form("realTimeChat", "4520", "1",
                    messages(good.replace("\"ts\":1", "\"ts\":" + (bad.equals("0") ? "-5" : bad))))).field(), bad);
        }
        for (String bad : List.of("1", "1.5", "true", "{}", "[\"a\"]")) {
            assertEquals("msgsJSON[0].authorName", rejected(form("realTimeChat", "4520", "1",
                    messages(good.replace("\"a\"", bad)))).field(), bad);
            assertEquals("msgsJSON[0].text", rejected(form("realTimeChat", "4520", "1",
                    messages(good.replace("\"x\"", bad)))).field(), bad);
        }
        assertEquals("roomID", rejected(form("realTimeChat", "45%0020", "1", "[]")).field());
        assertEquals("msgsJSON[0].authorName", rejected(form("realTimeChat", "4520", "1",
                messages(good.replace("\"a\"", "\"a\\u0000\"")))).field());
    }

    @Test
    void anotherInquiryIsA400NamingIt() {
        WebhookRejection other = rejected(form("chatHistory", "4520", "1", "[]"));
        assertEquals(HttpStatus.BAD_REQUEST, other.status());
        assertEquals("inquiry", other.field());
        assertTrue(other.getMessage().contains("'chatHistory' is not realTimeChat"), other.getMessage());
        assertEquals("inquiry", rejected(form(null, "4520", "1", "[]")).field());
    }

    @Test
    void aMissingOrWrongTokenIs401() {
        String body = Samples.read("webinato/realtimechat.form");
        WebhookRejection missing = assertThrows(WebhookRejection.class, () -> read(FORM, body, null));
        WebhookRejection wrong = assertThrows(WebhookRejection.class, () -> read(FORM, body, "guess"));

        assertEquals(HttpStatus.UNAUTHORIZED, missing.status());
        assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        assertEquals(HttpStatus.UNAUTHORIZED, wrong.status());
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertEquals("roomID", rejected(form("realTimeChat", null, "1", "[]")).field());
        assertEquals("batchNo", rejected(form("realTimeChat", "4520", null, "[]")).field());
        assertEquals("batchNo", rejected(form("realTimeChat", "4520", "three", "[]")).field());
        assertEquals("msgsJSON", rejected(form("realTimeChat", "4520", "1", null)).field());
        WebhookRejection malformed = rejected(form("realTimeChat", "4520", "1", "[{\"msgID\":1,"));
        assertEquals("msgsJSON", malformed.field());
        assertTrue(malformed.getMessage().contains("malformed JSON"), malformed.getMessage());
        assertEquals("msgsJSON", rejected(form("realTimeChat", "4520", "1", "{\"msgID\":1}")).field());
        assertEquals("msgsJSON[0]", rejected(form("realTimeChat", "4520", "1", "[\"hello\"]")).field());
        String good = "{\"authorName\":\"a\",\"authorRole\":0,\"ts\":1,\"msgID\":1,\"text\":\"x\"}";
        assertEquals("msgsJSON[1].msgID", rejected(form("realTimeChat", "4520", "1",
                messages(good, "{\"authorName\":\"b\",\"ts\":1,\"text\":\"x\"}"))).field());
        assertEquals("msgsJSON[1].msgID", rejected(form("realTimeChat", "4520", "1",
                messages(good, "{\"authorName\":\"b\",\"ts\":1,\"msgID\":\"x7\"}"))).field());
        assertEquals("msgsJSON[0].authorName", rejected(form("realTimeChat", "4520", "1",
                messages("{\"ts\":1,\"msgID\":1}"))).field());
        assertEquals("msgsJSON[0].ts", rejected(form("realTimeChat", "4520", "1",
                messages("{\"authorName\":\"a\",\"ts\":-5,\"msgID\":1}"))).field());
        assertEquals("msgsJSON[0].text", rejected(form("realTimeChat", "4520", "1",
                messages("{\"authorName\":\"a\",\"ts\":1,\"msgID\":1,\"text\":{\"b\":1}}"))).field());
        assertEquals("msgsJSON[0].authorRole", rejected(form("realTimeChat", "4520", "1",
                messages("{\"authorName\":\"a\",\"authorRole\":\"host\",\"ts\":1,\"msgID\":1}"))).field());
        assertEquals(HttpStatus.BAD_REQUEST, rejected("inquiry=realTimeChat&roomID=%zz").status());
        assertEquals(HttpStatus.BAD_REQUEST, rejected("").status());
        assertEquals(HttpStatus.BAD_REQUEST, assertThrows(WebhookRejection.class,
                () -> read("application/json", "[1,2]", "demo-token")).status());
    }

    @Test
    void aChannelWithoutATokenDoesNotStart() {
        ChannelConfigException missing = assertThrows(ChannelConfigException.class,
                () -> platform.validate(new ChannelConfig("room-42", "webinato", Map.of())));
        assertTrue(missing.getMessage().contains("hookbot.channels.room-42.token"), missing.getMessage());
    }
}
