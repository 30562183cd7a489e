package io.hookbot.bot.schedule;

import io.hookbot.api.ScheduleFired;
import io.hookbot.inbox.EventCodec;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;

/**
 * Writes each schedule firing into the inbox as a pending {@link ScheduleFired} event, which the dispatcher turns
 * like any other: the rule runs through the same turn as a message's rules, and its outbox rows are numbered by the
 * event's id and the action's index, like any turn's. The row's channel is {@link ScheduleFired#CHANNEL}, its
 * conversation {@code <bot>/<rule>} (so one rule's firings are turned one at a time, in order), its dedupe key the
 * slot's due time, and its type {@code schedule}: the unique (channel, dedupe key) refuses a second row for the
 * same slot.
 *
 * <p>Hand-written SQL, not a Micronaut Data repository: a firing is an insert that skips a slot fired already
 * ({@code ON CONFLICT DO NOTHING}) and returns the new row's id, in the transaction that moves the slot on.
 */
@Singleton
public class FiringLog {

    /**
     * @param connection the firing's transaction
     * @param firing     the firing
     * @return the firing's inbox id, or empty if this slot already has a firing
     * @throws SQLException on a database error
     */
    public OptionalLong record(Connection connection, ScheduleFired firing) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_event "
                + "(channel, dedupe_key, conversation_key, event_type, payload, status, received_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING", new String[]{"id"})) {
            insert.setString(1, firing.channel());
            insert.setString(2, firing.conversation() + "@" + firing.due());
            insert.setString(3, firing.conversation());
            insert.setString(4, EventCodec.typeOf(firing));
            insert.setString(5, EventCodec.encode(firing));
            insert.setObject(6, OffsetDateTime.ofInstant(firing.firedAt(), ZoneOffset.UTC));
            if (insert.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        }
    }
}
