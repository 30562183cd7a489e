package io.hookbot.api;

import java.time.Instant;

/**
 * A user's presence changed: came online, went offline, joined or left a meeting or a channel.
 *
 * @param channel      the channel the callback arrived on
 * @param conversation the conversation the change belongs to
 * @param user         whose presence changed; {@code null} id never occurs, "everyone" is {@link #EVERYONE}
 * @param status       the new status
 * @param scope        where: a Yalgaar channel, a meeting id, or {@code null} for the platform as a whole
 * @param timestamp    when the platform says it changed
 */
public record PresenceChanged(String channel, String conversation, User user, Status status, String scope,
                              Instant timestamp) implements Event {

    /** The user id that stands for every user of the channel (MQTT chat's {@code userid} 0). */
    public static final String EVERYONE = "*";

    /** A presence status. */
    public enum Status {
        /** Online on the platform. */
        ONLINE,
        /** Offline. */
        OFFLINE,
        /** Away or busy, but connected. */
        AWAY,
        /** Joined the scope (a meeting, a Yalgaar channel). */
        JOINED,
        /** Left the scope. */
        LEFT,
        /** Waiting to be let into the scope (a meeting's waiting room). */
        WAITING
    }
}
