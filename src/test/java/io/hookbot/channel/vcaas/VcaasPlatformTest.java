package io.hookbot.channel.vcaas;

import io.hookbot.api.MeetingEvent;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.hookbot.testing.Samples;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** VCaaS's real-time callbacks and data push, from the seed's examples, quirks and bad input included. */
class VcaasPlatformTest {

    static final ChannelConfig CHANNEL = new ChannelConfig("classes", "vcaas", Map.of("token", "demo-token"));

    private final VcaasPlatform platform = new VcaasPlatform();

    private List<InboundEvent> read(String json, String token) throws WebhookRejection {
        Map<String, String> query = token == null ? Map.of() : Map.of("token", token);
        return platform.read(CHANNEL, new WebhookRequest("application/json", json.getBytes(StandardCharsets.UTF_8), query));
    }

    private InboundEvent readOne(String json) throws WebhookRejection {
        List<InboundEvent> events = read(json, "demo-token");
        assertEquals(1, events.size());
        return events.get(0);
    }

    private InboundEvent sample(String name) throws WebhookRejection {
        return readOne(Samples.read("vcaas/" + name));
    }

    private WebhookRejection rejected(String json) {
        return assertThrows(WebhookRejection.class, () -> read(json, "demo-token"));
    }

    @Test
    void userCallbacksArePresenceChangesScopedToTheMeeting() throws WebhookRejection {
        InboundEvent joined = sample("user-join.json");

        assertEquals(new PresenceChanged("classes", "meeting:12345", new User("user-1234", "Priya Shah", "student"),
                PresenceChanged.Status.JOINED, "12345", Instant.ofEpochSecond(1673062100)), joined.event());
        assertTrue(joined.dedupeKey().matches("user:001673062100:[0-9a-f]{32}"), joined.dedupeKey());
        assertEquals(PresenceChanged.Status.LEFT, ((PresenceChanged) sample("user-leave.json").event()).status());
        PresenceChanged waiting = (PresenceChanged) sample("user-waiting.json").event();
        assertEquals(PresenceChanged.Status.WAITING, waiting.status());
        assertNull(waiting.user().name(), "an empty externalName is no name");
        String teacher = Samples.read("vcaas/user-join.json").replace("\"userRole\": \"2\"", "\"userRole\": 0");
        assertEquals("teacher", ((PresenceChanged) readOne(teacher).event()).user().role());
        String unknownRole = Samples.read("vcaas/user-join.json").replace("\"userRole\": \"2\"", "\"userRole\": 7");
        assertNull(((PresenceChanged) readOne(unknownRole).event()).user().role());
    }

    @Test
    void meetingCallbacksAreStartedEndedOrEndedIrregularly() throws WebhookRejection {
        MeetingEvent started = (MeetingEvent) sample("meeting-start.json").event();
        assertEquals(new MeetingEvent("classes", "meeting:12345", "12345", MeetingEvent.Type.STARTED, null,
                Instant.ofEpochSecond(1673062042), Map.of("meetingExternalId", "meeting-500000")), started);

        MeetingEvent ended = (MeetingEvent) sample("meeting-end.json").event();
        assertEquals(MeetingEvent.Type.ENDED, ended.type());
        assertEquals("regular", ended.details().get("endType"));

        String irregular = Samples.read("vcaas/meeting-end.json").replace("\"meetingEndType\": 0", "\"meetingEndType\": \"1\"");
        MeetingEvent broken = (MeetingEvent) readOne(irregular).event();
        assertEquals(MeetingEvent.Type.ENDED_IRREGULARLY, broken.type());
        assertEquals("irregular", broken.details().get("endType"));
    }

    @Test
    void recordingCallbacksNameWhoStartedOrStoppedTheRecording() throws WebhookRejection {
        MeetingEvent started = (MeetingEvent) sample("recording-start.json").event();
        assertEquals(MeetingEvent.Type.RECORDING_STARTED, started.type());
        assertEquals(new User("teacher-0001", "Mr. Okafor", "teacher"), started.actor());

        InboundEvent stopped = sample("recording-stop-system.json");
        MeetingEvent event = (MeetingEvent) stopped.event();
        assertEquals(MeetingEvent.Type.RECORDING_STOPPED, event.type());
        assertEquals(new User("system", null, "system"), event.actor(), "userRole 2 is the system stopping it");
        assertTrue(stopped.dedupeKey().startsWith("recording:"), stopped.dedupeKey());
    }

    @Test
    void theEndClassCallbackHasNoStatusField() throws WebhookRejection {
        InboundEvent inbound = sample("end-class.json");

        MeetingEvent event = (MeetingEvent) inbound.event();
        assertEquals(MeetingEvent.Type.CLASS_ENDED, event.type());
        assertEquals("12345", event.meeting());
        assertEquals(new User("teacher-0001", "Mr. Okafor", "teacher"), event.actor());
        assertEquals(Instant.ofEpochSecond(1673065980), event.timestamp());
        assertTrue(inbound.dedupeKey().startsWith("class-ended:"), inbound.dedupeKey());
    }

    @Test
    void thePostMeetingDataIsOneReportKeyedByTheMeeting() throws WebhookRejection {
        InboundEvent inbound = sample("meeting-data.json");

        assertEquals("report:12345", inbound.dedupeKey());
        MeetingEvent report = (MeetingEvent) inbound.event();
        assertEquals(MeetingEvent.Type.REPORT, report.type());
        assertEquals("meeting:12345", report.conversation());
        assertEquals(Instant.ofEpochSecond(1673066000), report.timestamp(), "the meeting's end time");
        assertEquals(List.of("meetingData", "attendeeDatas", "meetingVideoData", "meetingInteractiveData",
                "attendeeInteractiveDatas"), List.copyOf(report.details().keySet()));
        assertEquals("3958", ((Map<?, ?>) report.details().get("meetingData")).get("duration"));

        InboundEvent partial = readOne("{\"attendeeDatas\":[{\"meetingUid\":\"987\",\"externalId\":\"u\"}]}");
        assertEquals("report:987", partial.dedupeKey(), "the meeting named by the first part that has it");
        assertEquals("report:12345", readOne(Samples.read("vcaas/meeting-data.json")
                .replace("\"endTime\": \"1673066000\"", "\"endTime\": \"7 Jan, 11:13\"")).dedupeKey(),
                "an end time in an unknown format does not refuse the report");
    }

    @Test
    void meetingAndUserIdsAreStringsAndNumbersWholeNumbersAsTheDocShowsThem() {
        String join = Samples.read("vcaas/user-join.json");
        for (String bad : List.of("true", "1.5", "12345", "{}", "[\"12345\"]")) {
            assertEquals("meetingUid", rejected(join.replace("\"12345\"", bad)).field(), bad);
            assertEquals("externalId", rejected(join.replace("\"user-1234\"", bad)).field(), bad);
            assertEquals("externalName", rejected(join.replace("\"Priya Shah\"", bad)).field(), bad);
            assertEquals("meetingExternalId", rejected(Samples.read("vcaas/meeting-start.json")
                    .replace("\"meeting-500000\"", bad)).field(), bad);
            assertEquals("meetingData.meetingUid", rejected(Samples.read("vcaas/meeting-data.json")
                    .replaceFirst("\"12345\"", bad)).field(), bad);
        }
        for (String bad : List.of("true", "1.5", "\"1.5\"", "\"0x1F\"", "1e400", "\"+1\"", "{}")) {
            assertEquals("userStatus", rejected(join.replace("\"userStatus\": \"0\"", "\"userStatus\": " + bad)).field(), bad);
            assertEquals("timestamp", rejected(join.replace("\"1673062100\"", bad)).field(), bad);
            assertEquals("userRole", rejected(join.replace("\"userRole\": \"2\"", "\"userRole\": " + bad)).field(), bad);
        }
        WebhookRejection nul = rejected(join.replace("\"12345\"", "\"123\\u00005\""));
        assertEquals("meetingUid", nul.field());
        assertEquals("meetingUid: holds a NUL character (U+0000) at position 4", nul.getMessage());
        assertEquals("externalName", rejected(join.replace("Priya Shah", "Priya\\u001bShah")).field(),
                "names end up in the presence table: no control characters");
    }

    @Test
    void theReportIsKeptAsSentButALoneSurrogateInItIsRefusedWhereItIs() throws WebhookRejection {
        String report = Samples.read("vcaas/meeting-data.json");
        MeetingEvent withNul = (MeetingEvent) readOne(report.replace("What is 2 + 2?", "What\\u0000is 2 + 2?")).event();
        assertTrue(withNul.details().toString().contains("What\u0000is"), "free text keeps control characters");
        WebhookRejection surrogate = rejected(report.replace("What is 2 + 2?", "What \\udc00"));
        assertEquals("meetingInteractiveData.quizData.detailDatas[0].content.content", surrogate.field());
        WebhookRejection key = rejected(report.replace("\"averageAccuracy\"", "\"average\\ud800\""));
        assertEquals("meetingInteractiveData.quizData.detailDatas[0]", key.field());
        assertTrue(key.getMessage().contains("field name"), key.getMessage());
    }

    @Test
    void aRetryHasTheSameKeyWhetherNumbersComeAsStringsOrNumbers() throws WebhookRejection {
        String asSent = Samples.read("vcaas/user-join.json");
        String asNumbers = asSent.replace("\"userRole\": \"2\"", "\"userRole\": 2")
                .replace("\"userStatus\": \"0\"", "\"userStatus\": 0")
                .replace("\"timestamp\": \"1673062100\"", "\"timestamp\": 1673062100");
        InboundEvent first = readOne(asSent);

        assertEquals(first, readOne(asSent));
        assertEquals(first, readOne(asNumbers));
        assertNotEquals(first.dedupeKey(), sample("user-leave.json").dedupeKey());
        assertNotEquals(first.dedupeKey(), readOne(asSent.replace("1673062100", "1673062101")).dedupeKey());
        assertNotEquals(first.dedupeKey(), readOne(asSent.replace("user-1234", "user-9")).dedupeKey());
        assertNotEquals(sample("meeting-start.json").dedupeKey(), sample("meeting-end.json").dedupeKey());
    }

    @Test
    void millisecondTimestampsAreRecognised() throws WebhookRejection {
        String millis = Samples.read("vcaas/meeting-start.json").replace("\"1673062042\"", "1673062042123");
        InboundEvent inMillis = readOne(millis);
        assertEquals(Instant.ofEpochMilli(1673062042123L), inMillis.event().timestamp());
        assertTrue(inMillis.dedupeKey().startsWith("meeting:001673062042:"),
                "the key starts with the time in seconds, milliseconds or not: " + inMillis.dedupeKey());
    }

    @Test
    void theAcknowledgementIsSuccessAsPlainText() {
        HttpResponse<?> ack = platform.acknowledge(CHANNEL, new StoreOutcome(0, 1));

        assertEquals(200, ack.code());
        assertEquals("success", ack.body());
        assertEquals(MediaType.TEXT_PLAIN_TYPE, ack.getContentType().orElseThrow());
    }

    @Test
    void aMissingOrWrongTokenIs401() {
        String body = Samples.read("vcaas/user-join.json");
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(WebhookRejection.class, () -> read(body, null)).status());
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(WebhookRejection.class, () -> read(body, "guess")).status());
    }

    @Test
    void theDocsOwnExampleWithAMissingCommaIsA400ThatSaysWhere() {
        WebhookRejection missingComma = rejected("{\n  \"meetingUid\": \"12345\",\n  \"timestamp\": \"123456\"\n"
                + "  \"meetingStatus\": 1,\n  \"meetingEndType\": 0\n}");

        assertEquals(HttpStatus.BAD_REQUEST, missingComma.status());
        assertTrue(missingComma.getMessage().contains("line 4"), missingComma.getMessage());
    }

    @Test
    void badInputIsA400NamingTheProblem() {
        String join = Samples.read("vcaas/user-join.json");
        assertTrue(rejected("{\"meetingUid\":\"1\",\"timestamp\":\"1\"}").getMessage().contains("unknown callback"));
        assertNull(rejected("[]").field());
        WebhookRejection two = rejected(join.replace("\"userStatus\"", "\"recordingStatus\": \"0\", \"userStatus\""));
        assertTrue(two.getMessage().contains("userStatus and recordingStatus"), two.getMessage());
        assertTrue(rejected("{\"meetingStatus\":0,\"meetingData\":{}}").getMessage().contains("post-meeting data"));
        assertEquals("userStatus", rejected(join.replace("\"userStatus\": \"0\"", "\"userStatus\": \"5\"")).field());
        assertEquals("userStatus", rejected(join.replace("\"userStatus\": \"0\"", "\"userStatus\": \"joined\"")).field());
        assertEquals("externalId", rejected(join.replace("\"externalId\": \"user-1234\",", "")).field());
        assertEquals("meetingUid", rejected(join.replace("\"meetingUid\": \"12345\",", "")).field());
        assertEquals("timestamp", rejected(join.replace("\"timestamp\": \"1673062100\"", "\"timestamp\": \"\"")).field());
        assertEquals("timestamp", rejected(join.replace("\"timestamp\": \"1673062100\"", "\"timestamp\": \"-4\"")).field());
        assertEquals("userRole", rejected(join.replace("\"userRole\": \"2\"", "\"userRole\": \"student\"")).field());
        assertEquals("meetingStatus", rejected(Samples.read("vcaas/meeting-start.json")
                .replace("\"meetingStatus\": 0", "\"meetingStatus\": 2")).field());
        assertEquals("meetingEndType", rejected(Samples.read("vcaas/meeting-end.json")
                .replace("\"meetingEndType\": 0", "\"meetingEndType\": 3")).field());
        assertEquals("recordingStatus", rejected(Samples.read("vcaas/recording-start.json")
                .replace("\"recordingStatus\": \"0\"", "\"recordingStatus\": \"on\"")).field());
        assertEquals("meetingData.meetingUid", rejected("{\"meetingData\":{\"duration\":\"5\"}}").field());
        assertEquals("meetingData", rejected("{\"meetingData\":\"12345\"}").field());
        assertEquals("attendeeDatas", rejected("{\"meetingData\":{\"meetingUid\":\"1\"},\"attendeeDatas\":{}}").field());
        WebhookRejection listId = rejected("{\"meetingData\":{\"meetingUid\":[1]}}");
        assertEquals("meetingData.meetingUid", listId.field());
        assertTrue(listId.getMessage().contains("must be text"), listId.getMessage());
    }
}
