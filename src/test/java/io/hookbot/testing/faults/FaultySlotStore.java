package io.hookbot.testing.faults;

import io.hookbot.bot.schedule.SlotStore;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link SlotStore} with a fault point for the schedule poller's claim. */
@Singleton
@Replaces(SlotStore.class)
@Requires(property = "test.faults", value = "true")
public class FaultySlotStore extends SlotStore {

    private final Faults faults;

    public FaultySlotStore(Faults faults) {
        this.faults = faults;
    }

    @Override
    public List<Slot> claimDue(Connection connection, Instant now, int limit) throws SQLException {
        faults.reach(Faults.SLOTS_CLAIM);
        return super.claimDue(connection, now, limit);
    }
}
