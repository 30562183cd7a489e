package io.hookbot.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Something that happened on a platform, normalized so that rules and plugins never see a platform's own format.
 * Every event belongs to a channel (one configured instance of a platform) and to a conversation within it;
 * events of one conversation are processed one at a time, in the order they arrived. A schedule rule's firing
 * ({@link ScheduleFired}) is the clock's event, on a channel of its own.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
    @JsonSubTypes.Type(value = MessageReceived.class, name = "message"),
    @JsonSubTypes.Type(value = PresenceChanged.class, name = "presence"),
    @JsonSubTypes.Type(value = MeetingEvent.class, name = "meeting"),
    @JsonSubTypes.Type(value = DeviceEvent.class, name = "device"),
    @JsonSubTypes.Type(value = ScheduleFired.class, name = "schedule")
})
public sealed interface Event permits MessageReceived, PresenceChanged, MeetingEvent, DeviceEvent,
        ScheduleFired {

    /** @return the name of the channel the event arrived on, as configured under {@code hookbot.channels} */
    String channel();

    /** @return the conversation the event belongs to, unique within its channel */
    String conversation();

    /** @return when the platform says the event happened */
    Instant timestamp();

    /**
     * @return who the event is about: a message's sender, a presence change's user, a meeting event's actor;
     *         {@code null} for device events, schedule firings and meeting events without an actor
     */
    default User person() {
        if (this instanceof MessageReceived message) {
            return message.sender();
        }
        if (this instanceof PresenceChanged presence) {
            return presence.user();
        }
        if (this instanceof MeetingEvent meeting) {
            return meeting.actor();
        }
        return null;
    }
}
