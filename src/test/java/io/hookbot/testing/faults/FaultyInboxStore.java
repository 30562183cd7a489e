package io.hookbot.testing.faults;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.db.PurgeStep;
import io.hookbot.inbox.ConversationRef;
import io.hookbot.inbox.InboxStore;
import io.hookbot.inbox.StoredRow;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** {@link InboxStore} with fault points for the inbox writer, the dispatcher and the inbox retention. */
@Singleton
@Replaces(InboxStore.class)
@Requires(property = "test.faults", value = "true")
public class FaultyInboxStore extends InboxStore {

    private final Faults faults;

    public FaultyInboxStore(Faults faults) {
        this.faults = faults;
    }

    @Override
    public boolean[] insert(Connection connection, List<NewEvent> events) throws SQLException {
        faults.reach(Faults.INBOX_INSERT);
        for (NewEvent event : events) {
            faults.reach(Faults.INBOX_INSERT + ":" + event.dedupeKey());
        }
        return super.insert(connection, events);
    }

    @Override
    public List<ConversationRef> conversationsWithPendingEvents(Connection connection, int limit) throws SQLException {
        faults.reach(Faults.INBOX_POLL);
        return super.conversationsWithPendingEvents(connection, limit);
    }

    @Override
    public List<StoredRow> pending(Connection connection, ConversationRef ref, int limit) throws SQLException {
        faults.reach(Faults.INBOX_PENDING);
        return super.pending(connection, ref, limit);
    }

    @Override
    public PurgeStep purgeDone(Connection connection, long afterId, Instant cutoff, int limit) throws SQLException {
        faults.reach(Faults.INBOX_PURGE);
        return super.purgeDone(connection, afterId, cutoff, limit);
    }
}
