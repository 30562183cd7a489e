package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.journal.EventTable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;

/** The inbox table for the intakes and the quarantine: {@link InboxStore}'s SQL in transactions, and the wake-up. */
@Singleton
final class InboxTable implements EventTable {

    private final TransactionOperations<Connection> transactions;
    private final DurableWrites durability;
    private final InboxStore store;
    private final Dispatcher dispatcher;

    InboxTable(TransactionOperations<Connection> transactions, DurableWrites durability, InboxStore store,
               Dispatcher dispatcher) {
        this.transactions = transactions;
        this.durability = durability;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    @Override
    public boolean[] insert(List<NewEvent> events) {
        // on the disk when this returns, before anyone is told (the journal's records are released only after, too)
        return durability.executeWrite(status -> store.insert(status.getConnection(), events));
    }

    @Override
    public Set<String> existing(String channel, Set<String> dedupeKeys) {
        return transactions.executeRead(status -> store.existing(status.getConnection(), channel, dedupeKeys));
    }

    @Override
    public void wake(List<NewEvent> events, boolean[] inserted) {
        for (int i = 0; i < events.size(); i++) {
            if (inserted[i]) {
                dispatcher.wake(new ConversationRef(events.get(i).channel(), events.get(i).conversation()));
            }
        }
    }

    @Override
    public long forEachKey(KeyVisitor visitor) {
        return transactions.executeRead(status -> {
            // the columns of the unique index alone, so that H2 reads the index and not every row's payload
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT channel, dedupe_key FROM inbox_event ORDER BY channel, dedupe_key")) {
                select.setFetchSize(4096);
                long count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        visitor.visit(rows.getString(1), rows.getString(2));
                        count++;
                    }
                }
                return count;
            }
        });
    }

    @Override
    public long count() {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "SELECT COUNT(*) FROM inbox_event"); ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    @Override
    public boolean reachable() {
        return transactions.executeRead(status -> status.getConnection().isValid(1));
    }
}
