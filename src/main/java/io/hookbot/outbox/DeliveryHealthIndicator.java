package io.hookbot.outbox;

import io.hookbot.db.BoundedHealthCheck;
import io.hookbot.db.CachedRead;
import io.hookbot.db.HealthSettings;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Readiness component {@code delivery}: DOWN while any channel is paused (its gateway refused our credentials),
 * with each paused channel, since when and why; and DOWN when a reply that is due on a channel that is not paused has
 * waited longer than {@code hookbot.health.max-due-reply-age} (10 min; {@code 0} turns that check off): delivery
 * does not keep up, or is stuck. Read from the database, so every instance reports the same, at most every
 * {@code hookbot.health.refresh} (5 s), within
 * {@link BoundedHealthCheck#TIMEOUT}.
 */
@Singleton
public class DeliveryHealthIndicator implements HealthIndicator {

    private static final String NAME = "delivery";

    private final TransactionOperations<Connection> transactions;
    private final ChannelPauseStore pauses;
    private final Duration maxDueAge;
    private final ExecutorService executor;
    private final CachedRead<Snapshot> last;

    public DeliveryHealthIndicator(TransactionOperations<Connection> transactions, ChannelPauseStore pauses,
                                   HealthSettings settings,
                                   @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.executor = executor;
        this.transactions = transactions;
        this.pauses = pauses;
        this.maxDueAge = settings.maxDueReplyAge();
        this.last = new CachedRead<>(settings.refresh());
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return BoundedHealthCheck.run(NAME, executor, this::check);
    }

    private HealthResult check() {
        Instant now = Instant.now();
        Snapshot snapshot = last.get(now, () -> transactions.executeRead(
                s -> new Snapshot(pauses.all(s.getConnection()), oldestDue(s.getConnection(), now))));
        Map<String, Object> channels = new LinkedHashMap<>();
        for (ChannelPause pause : snapshot.paused()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("paused", true);
            detail.put("since", pause.pausedAt().toString());
            detail.put("status", pause.statusCode());
            detail.put("reason", pause.reason());
            detail.put("resume", "POST /admin/channels/" + pause.channel() + "/resume");
            channels.put(pause.channel(), detail);
        }
        long waited = snapshot.oldestDue() == null ? 0
                : Math.max(0, Duration.between(snapshot.oldestDue(), now).toSeconds());
        boolean late = !maxDueAge.isZero() && snapshot.oldestDue() != null && waited > maxDueAge.toSeconds();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pausedChannels", channels);
        details.put("oldestDueReplySeconds", snapshot.oldestDue() == null ? null : waited);
        if (late) {
            details.put("cause", "a due reply has waited " + waited + " s, longer than "
                    + "hookbot.health.max-due-reply-age (" + maxDueAge.toSeconds() + " s): delivery does not keep "
                    + "up or is stuck (see workers)");
        }
        return HealthResult.builder(NAME, snapshot.paused().isEmpty() && !late ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build();
    }

    /** Reads the database at the next probe: a channel was resumed here, and the next probe should say so. */
    public void forget() {
        last.forget();
    }

    /** The longest-due waiting reply on a channel that is not paused (a paused one has its own cause). */
    private static Instant oldestDue(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT MIN(m.next_attempt_at) "
                + "FROM outbox_message m WHERE m.status = 'PENDING' AND m.next_attempt_at <= ? "
                + "AND NOT EXISTS (SELECT 1 FROM channel_pause p WHERE p.channel = m.channel)")) {
            select.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                OffsetDateTime oldest = rows.getObject(1, OffsetDateTime.class);
                return oldest == null ? null : oldest.toInstant();
            }
        }
    }

    private record Snapshot(List<ChannelPause> paused, Instant oldestDue) {
    }
}
