package io.hookbot.channel.vcaas;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.MeetingEvent;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.WebhookRejection;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads VCaaS's post-meeting data push into one {@link MeetingEvent} REPORT that carries the report, as sent, in
 * its details. The meeting is named by {@code meetingData.meetingUid}, or by the first other part that names it: a
 * string, like every {@code meetingUid}. The rest is kept as sent, so its strings are free text: any character but a
 * lone surrogate, which is refused naming where it is.
 */
final class VcaasReport {

    /** The top-level parts of the push; any one of them marks a body as the report. */
    static final List<String> PARTS = List.of("meetingData", "attendeeDatas", "meetingVideoData",
            "meetingInteractiveData", "attendeeInteractiveDatas");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    static boolean isReport(JsonNode body) {
        return PARTS.stream().anyMatch(body::hasNonNull);
    }

    InboundEvent read(String channel, PayloadFields body) throws WebhookRejection {
        for (String part : List.of("meetingData", "meetingVideoData", "meetingInteractiveData")) {
            if (body.node().hasNonNull(part)) {
                body.object(part);
            }
        }
        for (String part : List.of("attendeeDatas", "attendeeInteractiveDatas")) {
            if (body.node().hasNonNull(part)) {
                body.objects(part);
            }
        }
        String meeting = meeting(body);
        body.checkFreeText();
        Instant ended = endTime(body.node().path("meetingData").path("endTime"));
        MeetingEvent event = new MeetingEvent(channel, VcaasParser.conversation(meeting), meeting,
                MeetingEvent.Type.REPORT, null, ended, JSON.convertValue(body.node(), MAP));
        return new InboundEvent("report:" + meeting, event);
    }

    private static String meeting(PayloadFields body) throws WebhookRejection {
        for (String part : List.of("meetingData", "meetingVideoData", "meetingInteractiveData")) {
            JsonNode node = body.node().path(part);
            if (node.isObject() && names(node)) {
                return body.object(part).string("meetingUid", VcaasParser.MAX_ID);
            }
        }
        for (String part : List.of("attendeeDatas", "attendeeInteractiveDatas")) {
            JsonNode node = body.node().path(part).path(0);
            if (names(node)) {
                return body.objects(part).get(0).string("meetingUid", VcaasParser.MAX_ID);
            }
        }
        throw WebhookRejection.invalid("meetingData.meetingUid", "is required: the post-meeting data names no meeting");
    }

    /** Whether a part names the meeting; a part with a meetingUid that is not text is read so that it is refused. */
    private static boolean names(JsonNode part) {
        return part.hasNonNull("meetingUid") && !"".equals(part.get("meetingUid").textValue());
    }

    /**
     * The doc leaves the format of {@code endTime} open, so a Unix time (seconds or milliseconds) and ISO-8601 are
     * read; anything else falls back to the time of arrival rather than refusing the report.
     */
    private static Instant endTime(JsonNode value) {
        String text = value.isValueNode() ? value.asText().trim() : "";
        if (text.matches("\\d{1,19}")) {
            try {
                Instant instant = VcaasParser.epoch(Long.parseLong(text));
                if (instant != null) {
                    return instant;
                }
            } catch (NumberFormatException ignored) {
                // more than a long holds: not a time
            }
        } else if (!text.isEmpty()) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException ignored) {
                // not ISO-8601 either
            }
        }
        return Instant.now();
    }
}
