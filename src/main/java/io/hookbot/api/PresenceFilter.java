package io.hookbot.api;

/**
 * Which users a {@link PresenceView#list} returns; a {@code null} part matches everything.
 *
 * @param channel only this channel
 * @param status  only users whose current status is this
 * @param scope   only users in this scope now (joined or waiting)
 */
public record PresenceFilter(String channel, PresenceChanged.Status status, String scope) {

    /** @return a filter that matches every user */
    public static PresenceFilter all() {
        return new PresenceFilter(null, null, null);
    }
}
