package io.hookbot.inbox;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.inbox.journal.QuarantinedEvents;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The inbox's gauges, per channel, read together by one transaction when {@code /prometheus} is scraped (at most
 * every {@code hookbot.metrics.refresh}): {@code hookbot_inbox_pending}, {@code _held}, {@code _failed} and
 * {@code _oldest_pending_seconds} from {@link InboxBacklog#backlog} (batch markers left out, as there), the events
 * acknowledged into the journal and not in the table yet ({@code hookbot_inbox_journaled}, memory only), and
 * {@code hookbot_webinato_gaps_skipped_total}, the sum of {@code sequence_state.skipped} (the batch numbers the
 * sequencer gave up waiting for), a counter the database keeps. {@code hookbot_inbox_quarantined} is the
 * quarantine's count, held in memory.
 */
@Singleton
final class InboxGauges implements ApplicationEventListener<ServerStartupEvent> {

    private static final String PENDING = "hookbot.inbox.pending";
    private static final String HELD = "hookbot.inbox.held";
    private static final String FAILED = "hookbot.inbox.failed";
    private static final String OLDEST = "hookbot.inbox.oldest.pending";
    private static final String JOURNALED = "hookbot.inbox.journaled";
    private static final String SKIPPED = "hookbot.webinato.gaps.skipped";

    private final GaugeTables gauges;
    private final TransactionOperations<Connection> transactions;
    private final InboxBacklog backlog;
    private final InboxWriter writer;
    private final QuarantinedEvents quarantine;
    private final ChannelRegistry channels;
    private boolean bound;

    InboxGauges(GaugeTables gauges, TransactionOperations<Connection> transactions, InboxBacklog backlog,
                InboxWriter writer, QuarantinedEvents quarantine, ChannelRegistry channels) {
        this.gauges = gauges;
        this.transactions = transactions;
        this.backlog = backlog;
        this.writer = writer;
        this.quarantine = quarantine;
        this.channels = channels;
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (bound) {
            return;
        }
        bound = true;
        gauges.table("inbox", () -> transactions.executeRead(s -> read(s.getConnection())))
                .gauge(PENDING, "Events stored and waiting for their turn", null)
                .gauge(HELD, "Events the sequencer holds behind a gap in a room's batch numbers", null)
                .gauge(FAILED, "Events whose turn failed, kept until retried (GET /admin/inbox/failed)", null)
                .gauge(OLDEST, "How long the oldest pending or held event has waited", "seconds")
                .gauge(JOURNALED, "Events acknowledged into the journal (embedded H2) and not in the table yet",
                        null)
                .channels(channels.all().stream().map(ChannelConfig::name).toList())
                .counter(SKIPPED, "Webinato batch numbers given up after the sequencer's gap timeout");
        gauges.live("hookbot.inbox.quarantined",
                "Acknowledged events the inbox table refused, kept aside (GET /admin/inbox/quarantine)",
                quarantine::count);
    }

    private Readings read(Connection connection) throws SQLException {
        Instant now = Instant.now();
        Readings readings = new Readings();
        for (InboxBacklog.ChannelBacklog channel : backlog.backlog(connection)) {
            readings.put(PENDING, channel.channel(), channel.pending())
                    .put(HELD, channel.channel(), channel.held())
                    .put(FAILED, channel.channel(), channel.failed())
                    .put(OLDEST, channel.channel(), channel.oldestWaiting() == null ? 0
                            : Math.max(0, Duration.between(channel.oldestWaiting(), now).toMillis() / 1000.0));
        }
        for (Map.Entry<String, Long> journaled : writer.queued().entrySet()) {
            readings.put(JOURNALED, journaled.getKey(), journaled.getValue());
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, SUM(skipped) FROM sequence_state GROUP BY channel");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                readings.put(SKIPPED, rows.getString(1), rows.getLong(2));
            }
        }
        return readings;
    }
}
