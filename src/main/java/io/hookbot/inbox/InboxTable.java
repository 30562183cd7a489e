package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.journal.EventTable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
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
    public boolean reachable() {
        return transactions.executeRead(status -> status.getConnection().isValid(1));
    }
}
