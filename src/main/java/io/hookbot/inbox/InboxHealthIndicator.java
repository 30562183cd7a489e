package io.hookbot.inbox;

import io.hookbot.db.BoundedHealthCheck;
import io.hookbot.db.CachedRead;
import io.hookbot.db.HealthSettings;
import io.hookbot.inbox.journal.QuarantinedEvents;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Readiness component {@code inbox}: DOWN when the oldest acknowledged event still waiting for its turn has waited
 * longer than {@code hookbot.health.max-pending-age} (10 min; {@code 0} turns the check off) — the turns do not keep
 * up, or a stage is stuck. The intake's own trouble (the writer cannot store) shows under {@code workers}. Details:
 * pending events in the table and on their way from the journal, the oldest wait, and how many events are
 * quarantined. Read from the database at most every {@code hookbot.health.refresh} (5 s), so probes cost nothing, and within
 * {@link BoundedHealthCheck#TIMEOUT}.
 */
@Singleton
public class InboxHealthIndicator implements HealthIndicator {

    private static final String NAME = "inbox";

    private final TransactionOperations<Connection> transactions;
    private final InboxWriter writer;
    private final QuarantinedEvents quarantine;
    private final Duration maxPendingAge;
    private final ExecutorService executor;
    private final CachedRead<Snapshot> last;

    public InboxHealthIndicator(TransactionOperations<Connection> transactions, InboxWriter writer,
                                QuarantinedEvents quarantine,
                                HealthSettings settings,
                                @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
        this.transactions = transactions;
        this.writer = writer;
        this.quarantine = quarantine;
        this.maxPendingAge = settings.maxPendingAge();
        this.last = new CachedRead<>(settings.refresh());
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return BoundedHealthCheck.run(NAME, executor, this::check);
    }

    private HealthResult check() {
        Instant now = Instant.now();
        Snapshot snapshot = last.get(now, () -> transactions.executeRead(s -> read(s.getConnection(), now)));
        long waited = snapshot.oldestPending() == null ? 0
                : Math.max(0, Duration.between(snapshot.oldestPending(), now).toSeconds());
        boolean late = !maxPendingAge.isZero() && snapshot.oldestPending() != null
                && waited > maxPendingAge.toSeconds();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pending", snapshot.pending());
        details.put("journaled", writer.queued().values().stream().mapToLong(Long::longValue).sum());
        details.put("oldestPendingSeconds", snapshot.oldestPending() == null ? null : waited);
        details.put("quarantined", quarantine.count());
        if (late) {
            details.put("cause", "the oldest pending event has waited " + waited + " s, longer than "
                    + "hookbot.health.max-pending-age (" + maxPendingAge.toSeconds() + " s): the turns do not keep "
                    + "up or are stuck (see workers)");
        }
        return HealthResult.builder(NAME, late ? HealthStatus.DOWN : HealthStatus.UP).details(details).build();
    }

    private static Snapshot read(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), MIN(received_at) FROM inbox_event WHERE status = 'PENDING'");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            OffsetDateTime oldest = rows.getObject(2, OffsetDateTime.class);
            return new Snapshot(rows.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    private record Snapshot(long pending, Instant oldestPending) {
    }
}
