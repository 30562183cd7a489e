package io.hookbot.inbox;

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
 * Keeps the inbox from growing without end: every {@code hookbot.inbox.purge-interval} (10 minutes) it deletes the
 * events that were turned ({@code DONE}) and received longer ago than {@code hookbot.inbox.retention} (7 days by
 * default; {@code off} keeps everything). Pending, held and failed events are never deleted.
 *
 * <p>A stored event is also what recognises a platform's redelivery as a duplicate, so the retention must outlast
 * every platform's retries: VCaaS retries a data push for up to an hour, the others for less. A redelivery that
 * arrives after its event was deleted is stored and turned again. The retention is therefore at least
 * {@value #MINIMUM_HOURS} hours; a shorter one stops the startup.
 */
@Singleton
public class InboxRetention extends RetentionJob {

    static final int MINIMUM_HOURS = 2;
    static final String KEY = "hookbot.inbox.retention";
    static final String WHY = "a platform's redelivery is recognised only while its event is kept, and VCaaS "
            + "retries for up to an hour";

    private final InboxStore inbox;

    public InboxRetention(TransactionOperations<Connection> transactions, InboxStore inbox,
                          ConversionService conversions, Supervisor supervisor, InboxSettings settings) {
        super(transactions, KEY, settings.retention(), Duration.ofHours(MINIMUM_HOURS), WHY,
                settings.purgeInterval(), conversions, supervisor);
        this.inbox = inbox;
    }

    @Override
    protected String rows() {
        return "turned inbox events";
    }

    @Override
    protected PurgeStep step(Connection connection, long afterId, Instant cutoff, int limit) throws SQLException {
        return inbox.purgeDone(connection, afterId, cutoff, limit);
    }
}
