package io.hookbot.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who is where, as hookbot has followed it from the platforms' status callbacks and messages. Inside a turn the
 * view includes the presence changes of that turn's transaction. The newest platform timestamp wins: a late,
 * older callback never overwrites a newer state.
 */
public interface PresenceView {

    /** @return a view that has never seen anyone: every query finds no one */
    static PresenceView empty() {
        return new PresenceView() {
            @Override
            public Optional<UserPresence> find(String channel, String user) {
                return Optional.empty();
            }

            @Override
            public List<UserPresence> list(PresenceFilter filter) {
                return List.of();
            }
        };
    }

    /**
     * @param channel the channel
     * @param user    the user's id
     * @return what is known of the user, or empty if the user was never seen on that channel
     */
    Optional<UserPresence> find(String channel, String user);

    /**
     * @param filter which users
     * @return the matching users, by channel then user id (at most 1,000)
     */
    List<UserPresence> list(PresenceFilter filter);

    /**
     * @param channel the channel
     * @param user    the user's id
     * @return whether the user is online on that channel (see {@link UserPresence#online()})
     */
    default boolean isOnline(String channel, String user) {
        return find(channel, user).map(UserPresence::online).orElse(false);
    }

    /**
     * Who is in a meeting (joined or in its waiting room), or bound to a Yalgaar channel.
     *
     * @param channel the channel
     * @param scope   the meeting id or Yalgaar channel name
     * @return the users in it
     */
    default List<UserPresence> in(String channel, String scope) {
        return list(new PresenceFilter(channel, null, scope));
    }

    /**
     * @param channel the channel
     * @param user    the user's id
     * @return when the user was last seen, or empty if never
     */
    default Optional<Instant> lastSeen(String channel, String user) {
        return find(channel, user).map(UserPresence::lastSeen);
    }
}
