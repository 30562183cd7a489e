package io.hookbot.testing.faults;

import io.hookbot.db.SqlDialect;
import io.hookbot.outbox.AttemptStore;
import io.hookbot.outbox.ChannelPauseStore;
import io.hookbot.outbox.OutboxStore;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@link OutboxStore} with a fault point for the delivery loop's claim. */
@Singleton
@Replaces(OutboxStore.class)
@Requires(property = "test.faults", value = "true")
public class FaultyOutboxStore extends OutboxStore {

    private final Faults faults;

    public FaultyOutboxStore(AttemptStore attempts, ChannelPauseStore pauses, SqlDialect dialect, Faults faults) {
        super(attempts, pauses, dialect);
        this.faults = faults;
    }

    @Override
    public List<Claimed> claim(Connection connection, Instant now, Instant leaseUntil, int limit, Set<String> skip)
            throws SQLException {
        faults.reach(Faults.OUTBOX_CLAIM);
        return super.claim(connection, now, leaseUntil, limit, skip);
    }
}
