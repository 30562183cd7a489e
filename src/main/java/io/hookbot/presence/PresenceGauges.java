package io.hookbot.presence;

import io.hookbot.metrics.GaugeTables;
import io.hookbot.metrics.Readings;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * {@code hookbot_presence_online{channel}}: the users whose newest status is online, per channel that keeps
 * presence, read when {@code /prometheus} is scraped (at most every {@code hookbot.metrics.refresh}). One pass over
 * {@code presence_user}; a channel appears once it has seen a user.
 */
@Singleton
final class PresenceGauges implements ApplicationEventListener<ServerStartupEvent> {

    private static final String ONLINE = "hookbot.presence.online";

    private final GaugeTables gauges;
    private final TransactionOperations<Connection> transactions;
    private boolean bound;

    PresenceGauges(GaugeTables gauges, TransactionOperations<Connection> transactions) {
        this.gauges = gauges;
        this.transactions = transactions;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (bound) {
            return;
        }
        bound = true;
        gauges.table("presence", () -> transactions.executeRead(s -> read(s.getConnection())))
                .gauge(ONLINE, "Users whose newest presence status is online", null);
    }

    private static Readings read(Connection connection) throws SQLException {
        Readings readings = new Readings();
        // the "everyone" row holds the channel's last "everyone offline", not a user
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, "
                + "SUM(CASE WHEN status = 'ONLINE' THEN 1 ELSE 0 END) FROM presence_user WHERE user_id <> ? "
                + "GROUP BY channel")) {
            select.setString(1, PresenceStore.EVERYONE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    readings.put(ONLINE, rows.getString(1), rows.getLong(2));
                }
            }
        }
        return readings;
    }
}
