package io.hookbot.presence;

import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Keeps the presence tables up to date from a turn's event, inside the turn's transaction, so a turn's rules and
 * plugins see the state including their own event, and the presence change commits or rolls back with the turn.
 *
 * <ul>
 *   <li>A {@link PresenceChanged} sets the user's status if it is not older than the status they have (the
 *       platform's timestamp decides, never the order of arrival); a scoped one (a Yalgaar channel, a meeting)
 *       also sets the user's status in that scope, by the same rule, per scope.</li>
 *   <li>{@link PresenceChanged#EVERYONE} offline (MQTT chat {@code userid} 0) sets every user of the channel whose
 *       status is older offline, and is remembered: a platform-wide change older than it, processed later, leaves
 *       the user offline.</li>
 *   <li>Every presence change and every message counts as "seen": the user's last-seen time moves forward.</li>
 * </ul>
 */
@Singleton
public class PresenceTracker {

    private final PresenceStore store;

    public PresenceTracker(PresenceStore store) {
        this.store = store;
    }

    /**
     * Applies what an event says about presence; events that say nothing (meetings, devices) are ignored. Batch
     * markers are not events and never come here: the sequencer consumes them before any turn.
     *
     * @param connection the turn's transaction
     * @param event      the event
     * @throws SQLException on a database error
     */
    public void record(Connection connection, Event event) throws SQLException {
        if (event instanceof PresenceChanged presence) {
            apply(connection, presence);
        } else if (event instanceof MessageReceived message && message.sender() != null) {
            store.seen(connection, message.channel(), message.sender().id(), message.sender().name(),
                    message.timestamp());
        }
    }

    /**
     * Moves the last-seen times of the senders a batch of turns saw, in (channel, user) order.
     *
     * @param connection the batch's transaction
     * @param sightings  the senders
     * @throws SQLException on a database error
     */
    public void record(Connection connection, Sightings sightings) throws SQLException {
        for (Sightings.Sighting sighting : sightings.inOrder()) {
            store.seen(connection, sighting.channel(), sighting.user(), sighting.name(), sighting.at());
        }
    }

    private void apply(Connection connection, PresenceChanged presence) throws SQLException {
        User user = presence.user();
        String channel = presence.channel();
        Instant at = presence.timestamp();
        if (PresenceChanged.EVERYONE.equals(user.id())) {
            store.everyoneOffline(connection, channel, at);
            return;
        }
        if (presence.scope() != null) {
            store.setScope(connection, channel, user.id(), presence.scope(), presence.status(), at);
            store.setStatus(connection, channel, user.id(), user.name(), presence.status(), at);
            return;
        }
        Instant everyoneOffline = store.everyoneOfflineAt(connection, channel);
        if (everyoneOffline != null && at.isBefore(everyoneOffline)) {
            // older than the channel's "everyone offline": the user went offline then, whatever this says
            store.setStatus(connection, channel, user.id(), user.name(), PresenceChanged.Status.OFFLINE,
                    everyoneOffline);
            store.seen(connection, channel, user.id(), user.name(), at);
            return;
        }
        store.setStatus(connection, channel, user.id(), user.name(), presence.status(), at);
    }
}
