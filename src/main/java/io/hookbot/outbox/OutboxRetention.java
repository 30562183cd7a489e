package io.hookbot.outbox;

import io.hookbot.db.PurgeStep;
import io.hookbot.db.RetentionJob;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.transaction.TransactionOperations;
import io.hookbot.worker.Supervisor;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the outbox from growing without end: every {@code hookbot.outbox.purge-interval} (10 minutes) it deletes
 * the replies that were sent (or suppressed, their recipient having opted out) and created longer ago than
 * {@code hookbot.outbox.retention} (7 days by default;
 * {@code off} keeps everything), with their attempt history. Replies waiting, being sent or dead-lettered
 * ({@code FAILED}) are never deleted: a dead letter stays until an operator has seen it.
 */
@Singleton
public class OutboxRetention extends RetentionJob {

    private final OutboxStore outbox;

    public OutboxRetention(TransactionOperations<Connection> transactions, OutboxStore outbox,
                           ConversionService conversions, Supervisor supervisor, OutboxSettings settings) {
        super(transactions, "hookbot.outbox.retention", settings.retention(), Duration.ofMinutes(1), "",
                settings.purgeInterval(), conversions, supervisor);
        this.outbox = outbox;
    }

    @Override
    protected String rows() {
        return "sent replies";
    }

    @Override
    protected PurgeStep step(Connection connection, long afterId, Instant cutoff, int limit) throws SQLException {
        return outbox.purgeSent(connection, afterId, cutoff, limit);
    }
}
