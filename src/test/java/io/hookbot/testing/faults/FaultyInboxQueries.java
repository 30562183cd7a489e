package io.hookbot.testing.faults;

import io.hookbot.inbox.InboxQueries;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@link InboxQueries} with a fault point behind {@code GET /admin/inbox}. */
@Singleton
@Replaces(InboxQueries.class)
@Requires(property = "test.faults", value = "true")
public class FaultyInboxQueries extends InboxQueries {

    private final Faults faults;

    public FaultyInboxQueries(Faults faults) {
        this.faults = faults;
    }

    @Override
    public List<ChannelBacklog> backlog(Connection connection) throws SQLException {
        faults.reach(Faults.ADMIN_BACKLOG);
        return super.backlog(connection);
    }
}
