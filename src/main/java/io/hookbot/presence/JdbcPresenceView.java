package io.hookbot.presence;

import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * The {@link PresenceView} over the presence tables. Called during a turn it joins the turn's transaction (and sees
 * the turn's own presence change); called elsewhere it reads in a transaction of its own.
 */
@Singleton
public class JdbcPresenceView implements PresenceView {

    private final TransactionOperations<Connection> transactions;
    private final PresenceStore store;

    public JdbcPresenceView(TransactionOperations<Connection> transactions, PresenceStore store) {
        this.transactions = transactions;
        this.store = store;
    }

    @Override
    public Optional<UserPresence> find(String channel, String user) {
        return list(new PresenceFilter(channel, null, null), user).stream().findFirst();
    }

    @Override
    public List<UserPresence> list(PresenceFilter filter) {
        return list(filter, null);
    }

    private List<UserPresence> list(PresenceFilter filter, String user) {
        return transactions.executeRead(status -> store.list(status.getConnection(), filter, user));
    }
}
