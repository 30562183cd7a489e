package io.hookbot.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.channel.BatchMark;

import java.io.UncheckedIOException;

/**
 * Writes events and batch markers to and reads them from the inbox's JSON payload column. A mapper of its own, so the
 * stored format does not change with the HTTP layer's JSON settings.
 *
 * <p>A batch marker is a row of {@code event_type = 'batch'}. Its payload is the {@link BatchMark}
 * ({@code {"channel":…,"conversation":…,"batch":4}}), or, in rows and journal records written before markers were a
 * record of their own, a {@link MessageReceived} whose sequence has position -1 (the old "marker"); both read back
 * as the same {@link StoredRow.Mark}, so an upgrade needs no migration.
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

    /**
     * @param mark a call's batch marker
     * @return its JSON form
     */
    public static String encode(BatchMark mark) {
        try {
            return MAPPER.writeValueAsString(mark);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param id      the row's id
     * @param type    its {@code event_type}
     * @param payload its payload
     * @return the row as the turns and the sequencer read it: a batch marker for {@link #BATCH_MARKER}, an event
     *         otherwise
     */
    static StoredRow decodeRow(long id, String type, String payload) {
        return BATCH_MARKER.equals(type) ? new StoredRow.Mark(id, decodeMark(payload))
                : new InboxStore.StoredEvent(id, decode(payload));
    }

    /**
     * @param json a batch marker's payload, in the form {@link #encode(BatchMark)} writes or the older one
     * @return the marker
     */
    static BatchMark decodeMark(String json) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (!tree.has("event")) {
                return MAPPER.treeToValue(tree, BatchMark.class);
            }
            // written before markers were a record of their own: a message whose sequence is (batch, -1)
            if (!(MAPPER.treeToValue(tree, Event.class) instanceof MessageReceived old) || old.sequence() == null) {
                throw new IllegalArgumentException("a batch marker's payload is neither a marker nor a numbered "
                        + "message");
            }
            return new BatchMark(old.channel(), old.conversation(), old.sequence().batch());
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
        if (event instanceof MessageReceived) {
            return "message";
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
