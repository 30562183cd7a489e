package io.hookbot.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hookbot.api.Event;

import java.io.UncheckedIOException;

/**
 * Writes events to and reads them from the inbox's JSON payload column. A mapper of its own, so the stored format
 * does not change with the HTTP layer's JSON settings.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    /**
     * @param event an event
     * @return its JSON form
     */
    public static String encode(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param json a payload written by {@link #encode(Event)}
     * @return the event
     */
    public static Event decode(String json) {
        try {
            return MAPPER.readValue(json, Event.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code event_type} of a batch marker, which the sequencer consumes: the inbox's counts leave it out. */
    public static final String BATCH_MARKER = "batch";

    /**
     * @param event an event
     * @return the name stored in the {@code event_type} column
     */
    public static String typeOf(Event event) {
        if (event instanceof io.hookbot.api.MessageReceived message) {
            return message.sequence() != null && message.sequence().marksBatch() ? BATCH_MARKER : "message";
        }
        if (event instanceof io.hookbot.api.PresenceChanged) {
            return "presence";
        }
        if (event instanceof io.hookbot.api.MeetingEvent) {
            return "meeting";
        }
        if (event instanceof io.hookbot.api.ScheduleFired) {
            return "schedule";
        }
        return "device";
    }
}
