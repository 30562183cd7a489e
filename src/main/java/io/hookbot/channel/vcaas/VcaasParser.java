package io.hookbot.channel.vcaas;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.Digests;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one VCaaS call into its event: tells the four real-time callbacks apart by their status field and hands
 * the post-meeting data push to {@link VcaasReport} (see {@link VcaasPlatform} for the mapping). The token is
 * checked by the caller.
 *
 * <p>Types, as the document shows them ({@link PayloadFields} for what each reader accepts):
 * <ul>
 *   <li>{@code userStatus}, {@code meetingStatus}, {@code meetingEndType}, {@code recordingStatus},
 *       {@code userRole} and {@code timestamp} are numbers, which VCaaS sends as strings ({@code "userStatus": "1"})
 *       or as numbers ({@code "meetingStatus": 1}): a whole number either way, never {@code 1.5} or
 *       {@code true}. A status outside its documented codes is a 400; an unknown role leaves the user without
 *       one.</li>
 *   <li>{@code meetingUid}, {@code meetingExternalId}, {@code externalId} and {@code externalName} are strings
 *       ({@code "meetingUid": "12345"}): a number or {@code true} is refused, and so is a control character (the
 *       meeting is the conversation key; the user's id and name are stored with their presence).</li>
 * </ul>
 */
final class VcaasParser {

    static final int MAX_ID = 100;

    private static final int MAX_NAME = 200;
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
    /** Seconds from here on would be after the year 5000: such a timestamp is in milliseconds. */
    private static final long FIRST_MILLISECOND_VALUE = 100_000_000_000L;
    private static final List<String> STATUS_FIELDS = List.of("userStatus", "meetingStatus", "recordingStatus");
    private static final String SHAPES = "expected a callback with userStatus, meetingStatus or recordingStatus, "
            + "an end-class callback (userRole, externalId), or the post-meeting data (meetingData, attendeeDatas…)";

    /** {@code userStatus} 0 to 2. */
    private static final PresenceChanged.Status[] USER_STATUSES = {
        PresenceChanged.Status.JOINED, PresenceChanged.Status.LEFT, PresenceChanged.Status.WAITING
    };
    private static final String[] ATTENDEE_ROLES = {"teacher", "it-support", "student"};
    private static final String[] RECORDING_ROLES = {"teacher", "it-support", "system"};

    private final VcaasReport reports = new VcaasReport();

    List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        JsonNode body = PayloadDecoder.decode(request);
        if (!body.isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a JSON object: " + SHAPES);
        }
        List<String> statuses = STATUS_FIELDS.stream().filter(body::hasNonNull).toList();
        boolean report = VcaasReport.isReport(body);
        List<String> found = new ArrayList<>(statuses);
        if (report) {
            found.add("post-meeting data");
        }
        if (found.size() > 1) {
            throw WebhookRejection.invalid(null, "cannot tell which callback this is: it has "
                    + String.join(" and ", found));
        }
        if (report) {
            return List.of(reports.read(channel, PayloadFields.of(body)));
        }
        PayloadFields fields = PayloadFields.of(body);
        if (statuses.isEmpty()) {
            if (!body.hasNonNull("userRole") && !body.hasNonNull("externalId")) {
                throw WebhookRejection.invalid(null, "unknown callback: " + SHAPES);
            }
            return List.of(classEnded(channel, fields));
        }
        return List.of(switch (statuses.get(0)) {
            case "userStatus" -> user(channel, fields);
            case "meetingStatus" -> meeting(channel, fields);
            default -> recording(channel, fields);
        });
    }

    private static InboundEvent user(String channel, PayloadFields body) throws WebhookRejection {
        String meeting = body.string("meetingUid", MAX_ID);
        long code = body.integer("userStatus");
        if (code < 0 || code >= USER_STATUSES.length) {
            throw WebhookRejection.invalid("userStatus", code + " is not 0 (joined), 1 (left) or 2 (waiting room)");
        }
        PresenceChanged.Status status = USER_STATUSES[(int) code];
        String userId = body.string("externalId", MAX_ID);
        User user = new User(userId, name(body), role(body, ATTENDEE_ROLES));
        long timestamp = body.integer("timestamp");
        PresenceChanged event = new PresenceChanged(channel, conversation(meeting), user, status, meeting,
                instant(body, timestamp));
        return new InboundEvent(key("user", meeting, userId, Long.toString(code), timestamp), event);
    }

    private static InboundEvent meeting(String channel, PayloadFields body) throws WebhookRejection {
        String meeting = body.string("meetingUid", MAX_ID);
        long code = body.integer("meetingStatus");
        Map<String, Object> details = details(body);
        MeetingEvent.Type type;
        if (code == 0) {
            type = MeetingEvent.Type.STARTED;
        } else if (code == 1) {
            Long end = body.optionalInteger("meetingEndType");
            if (end != null && end != 0 && end != 1) {
                throw WebhookRejection.invalid("meetingEndType", end + " is not 0 (regular) or 1 (irregular)");
            }
            type = end != null && end == 1 ? MeetingEvent.Type.ENDED_IRREGULARLY : MeetingEvent.Type.ENDED;
            details.put("endType", type == MeetingEvent.Type.ENDED ? "regular" : "irregular");
        } else {
            throw WebhookRejection.invalid("meetingStatus", code + " is not 0 (started) or 1 (ended)");
        }
        long timestamp = body.integer("timestamp");
        MeetingEvent event = new MeetingEvent(channel, conversation(meeting), meeting, type, null,
                instant(body, timestamp), Map.copyOf(details));
        return new InboundEvent(key("meeting", meeting, "", Long.toString(code), timestamp), event);
    }

    private static InboundEvent recording(String channel, PayloadFields body) throws WebhookRejection {
        String meeting = body.string("meetingUid", MAX_ID);
        long code = body.integer("recordingStatus");
        if (code != 0 && code != 1) {
            throw WebhookRejection.invalid("recordingStatus", code + " is not 0 (started) or 1 (stopped)");
        }
        String userId = body.optionalString("externalId", MAX_ID);
        String role = role(body, RECORDING_ROLES);
        User actor = userId != null && !userId.isEmpty() ? new User(userId, name(body), role)
                : "system".equals(role) ? new User("system", null, "system") : null;
        long timestamp = body.integer("timestamp");
        MeetingEvent event = new MeetingEvent(channel, conversation(meeting), meeting,
                code == 0 ? MeetingEvent.Type.RECORDING_STARTED : MeetingEvent.Type.RECORDING_STOPPED, actor,
                instant(body, timestamp), Map.copyOf(details(body)));
        return new InboundEvent(key("recording", meeting, userId, Long.toString(code), timestamp), event);
    }

    private static InboundEvent classEnded(String channel, PayloadFields body) throws WebhookRejection {
        String meeting = body.string("meetingUid", MAX_ID);
        String userId = body.optionalString("externalId", MAX_ID);
        String role = role(body, ATTENDEE_ROLES);
        User actor = userId == null || userId.isEmpty() ? null : new User(userId, name(body), role);
        long timestamp = body.integer("timestamp");
        MeetingEvent event = new MeetingEvent(channel, conversation(meeting), meeting, MeetingEvent.Type.CLASS_ENDED,
                actor, instant(body, timestamp), Map.copyOf(details(body)));
        return new InboundEvent(key("class-ended", meeting, userId, "", timestamp), event);
    }

    static String conversation(String meeting) {
        return "meeting:" + meeting;
    }

    /**
     * @param value a Unix timestamp, in seconds or (from the year 5000 on, as seconds) in milliseconds
     * @return the instant, or {@code null} if it is out of range
     */
    static Instant epoch(long value) {
        if (value < 0) {
            return null;
        }
        if (value >= FIRST_MILLISECOND_VALUE) {
            return value / 1000 > MAX_EPOCH_SECOND ? null : Instant.ofEpochMilli(value);
        }
        return Instant.ofEpochSecond(value);
    }

    private static Instant instant(PayloadFields body, long timestamp) throws WebhookRejection {
        Instant instant = epoch(timestamp);
        if (instant == null) {
            throw WebhookRejection.invalid(body.full("timestamp"), "is not a Unix timestamp: " + timestamp);
        }
        return instant;
    }

    private static Map<String, Object> details(PayloadFields body) throws WebhookRejection {
        Map<String, Object> details = new LinkedHashMap<>();
        String external = body.optionalString("meetingExternalId", MAX_NAME);
        if (external != null && !external.isEmpty()) {
            details.put("meetingExternalId", external);
        }
        return details;
    }

    private static String name(PayloadFields body) throws WebhookRejection {
        String name = body.optionalString("externalName", MAX_NAME);
        return name == null || name.isEmpty() ? null : name;
    }

    private static String role(PayloadFields body, String[] roles) throws WebhookRejection {
        Long role = body.optionalInteger("userRole");
        return role == null || role < 0 || role >= roles.length ? null : roles[role.intValue()];
    }

    /** {@code <kind>:<seconds>:} plus a hash of the identifying fields ({@link Digests#timeOrderedKey}). */
    private static String key(String kind, String meeting, String userId, String status, long timestamp) {
        long seconds = timestamp >= FIRST_MILLISECOND_VALUE ? timestamp / 1000 : timestamp;
        return Digests.timeOrderedKey(kind, seconds, kind, meeting, userId == null ? "" : userId, status,
                Long.toString(timestamp));
    }
}
