package io.hookbot.testing.faults;

import io.hookbot.inbox.InboxBacklog;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@link InboxBacklog} with a fault point behind {@code GET /admin/inbox}. */
@Singleton
@Replaces(InboxBacklog.class)
@Requires(property = "test.faults", value = "true")
public class FaultyInboxBacklog extends InboxBacklog {

    private final Faults faults;

    public FaultyInboxBacklog(Faults faults) {
        this.faults = faults;
    }

    @Override
    public List<ChannelBacklog> backlog(Connection connection) throws SQLException {
        faults.reach(Faults.ADMIN_BACKLOG);
        return super.backlog(connection);
    }
}
