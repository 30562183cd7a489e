package io.hookbot.outbox;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
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
 * The outbox's gauges, per channel, read together by one transaction when {@code /prometheus} is scraped (at most
 * every {@code hookbot.metrics.refresh}): {@code hookbot_outbox_pending} (replies not sent yet: waiting, due later,
 * or being sent), {@code hookbot_outbox_dead} (dead letters, until retried or purged) and
 * {@code hookbot_channel_paused} (1 while the channel's gateway refused our credentials, else 0). The configured
 * channels read 0 from the start.
 */
@Singleton
final class OutboxGauges implements ApplicationEventListener<ServerStartupEvent> {

    private static final String PENDING = "hookbot.outbox.pending";
    private static final String DEAD = "hookbot.outbox.dead";
    private static final String PAUSED = "hookbot.channel.paused";

    private final GaugeTables gauges;
    private final TransactionOperations<Connection> transactions;
    private final ChannelPauseStore pauses;
    private final ChannelRegistry channels;
    private boolean bound;

    OutboxGauges(GaugeTables gauges, TransactionOperations<Connection> transactions, ChannelPauseStore pauses,
                 ChannelRegistry channels) {
        this.gauges = gauges;
        this.transactions = transactions;
        this.pauses = pauses;
        this.channels = channels;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (bound) {
            return;
        }
        bound = true;
        gauges.table("outbox", () -> transactions.executeRead(s -> read(s.getConnection())))
                .gauge(PENDING, "Replies not sent yet: waiting, due for a retry later, or being sent", null)
                .gauge(DEAD, "Dead-lettered replies (GET /admin/outbox?status=FAILED), until retried or purged", null)
                .gauge(PAUSED, "1 while the channel is paused (its gateway refused our credentials), else 0", null)
                .channels(channels.all().stream().map(ChannelConfig::name).toList());
    }

    private Readings read(Connection connection) throws SQLException {
        Readings readings = new Readings();
        try (PreparedStatement select = connection.prepareStatement("SELECT status, channel, COUNT(*) "
                + "FROM outbox_message WHERE status IN ('PENDING', 'SENDING', 'FAILED') GROUP BY status, channel");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                boolean dead = OutboxStatus.FAILED.name().equals(rows.getString(1));
                readings.add(dead ? DEAD : PENDING, rows.getString(2), rows.getLong(3));
            }
        }
        for (ChannelPause pause : pauses.all(connection)) {
            readings.put(PAUSED, pause.channel(), 1);
        }
        return readings;
    }
}
