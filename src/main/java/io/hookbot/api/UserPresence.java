package io.hookbot.api;

import java.time.Instant;
import java.util.Map;

/**
 * What is known of one user's presence on one channel.
 *
 * @param channel  the channel
 * @param user     the user's id on the platform
 * @param name     the display name last given, or {@code null}
 * @param status   the status of the newest presence change, or {@code null} if the user was only seen writing
 * @param since    when the user took that status (a repeated status keeps the first time), or {@code null}
 * @param lastSeen the newest time the user was seen: any presence change or message
 * @param scopes   the scopes the user is in now (Yalgaar channels bound, meetings joined or waited for), each
 *                 with {@link PresenceChanged.Status#JOINED} or {@link PresenceChanged.Status#WAITING}; never {@code null}
 */
public record UserPresence(String channel, String user, String name, PresenceChanged.Status status, Instant since,
                           Instant lastSeen, Map<String, PresenceChanged.Status> scopes) {

    public UserPresence {
        scopes = scopes == null ? Map.of() : Map.copyOf(scopes);
    }

    /**
     * @return whether the user is there: online or away on the platform, or in at least one scope
     */
    public boolean online() {
        return status == PresenceChanged.Status.ONLINE || status == PresenceChanged.Status.AWAY || !scopes.isEmpty();
    }
}
