package io.hookbot.api;

import java.time.Instant;
import java.util.Map;

/**
 * Something a phone behind an SMS gateway reported that is not a message: a USSD response or an app notification.
 *
 * @param channel      the channel it arrived on
 * @param conversation the conversation (the device)
 * @param device       the device's id
 * @param type         what it is
 * @param fields       its fields ({@code code}, {@code response}, {@code package}, {@code title}, {@code content}…)
 * @param timestamp    when the device received it
 */
public record DeviceEvent(String channel, String conversation, String device, Type type, Map<String, String> fields,
                          Instant timestamp) implements Event {

    public DeviceEvent {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    /** What the device reported. */
    public enum Type {
        /** The answer to a USSD code. */
        USSD_RESPONSE,
        /** A notification shown by an app on the phone. */
        NOTIFICATION
    }
}
