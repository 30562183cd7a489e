package io.hookbot.api;

import java.time.Instant;
import java.util.Map;

/**
 * Something happened to a meeting as a whole.
 *
 * @param channel      the channel the callback arrived on
 * @param conversation the conversation of the meeting
 * @param meeting      the meeting's id
 * @param type         what happened
 * @param actor        who did it, if the platform says
 * @param timestamp    when
 * @param details      further fields (the end type, the post-meeting report…), never {@code null}
 */
public record MeetingEvent(String channel, String conversation, String meeting, Type type, User actor,
                           Instant timestamp, Map<String, Object> details) implements Event {

    public MeetingEvent {
        details = details == null ? Map.of() : details;
    }

    /** What happened to the meeting. */
    public enum Type {
        /** The meeting started. */
        STARTED,
        /** The meeting ended normally. */
        ENDED,
        /** The meeting ended irregularly (network error). */
        ENDED_IRREGULARLY,
        /** A recording started. */
        RECORDING_STARTED,
        /** A recording stopped. */
        RECORDING_STOPPED,
        /** The teacher ended the class for everyone. */
        CLASS_ENDED,
        /** The post-meeting report arrived (attendance, video, quiz and poll data in details). */
        REPORT
    }
}
