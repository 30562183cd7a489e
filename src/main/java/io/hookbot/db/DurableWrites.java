package io.hookbot.db;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Write transactions whose commit is durable (survives {@code kill -9}) when they return, for the commits that
 * someone outside is told about.
 *
 * <p>The rule: <b>a commit that someone outside is told about is written to the file first</b>. A webhook is
 * acknowledged only after its events are written: appended to the inbox journal, or (journal off) their commit
 * written; the journal lets go of events only after their commit is written; a reply's outcome is written right
 * after it is recorded, so a reply the gateway accepted is not sent again after a crash (except in the moment
 * between the gateway's answer and that write); what the admin API changes is written before it answers. Each of
 * those places opens its transaction with {@link #executeWrite}, which writes the commit to the file as the
 * transaction's after-commit hook: nobody has to remember a call after the commit, and nobody can make it inside
 * the transaction, too early. Every other commit — the turns, above all — opens its transaction as usual and
 * reaches the file with the next of these writes, or within H2's {@code WRITE_DELAY} (100 ms in the default URL),
 * whichever comes first. A turn lost to a crash before that is simply taken again from the inbox: its event is
 * still pending there, and nothing it did was visible outside yet.
 *
 * <p>Why not write every commit ({@code WRITE_DELAY=0})? Each H2 write serializes every page changed since the last
 * one, and the turns of a busy conversation change the same pages pass after pass; writing them once for many
 * passes, and not in the acknowledgements' way, is most of what the embedded database costs under load
 * (docs/benchmarks.md, "Written when acknowledged").
 *
 * <p>On PostgreSQL (and on an H2 reached over TCP, whose server owns its own write policy) every commit is durable
 * when it returns, and {@link #executeWrite} is a plain write transaction. How the file is written is
 * {@link EmbeddedH2}'s business, the one class that uses H2's engine.
 */
@Singleton
public class DurableWrites {

    private final TransactionOperations<Connection> transactions;
    private volatile EmbeddedH2 embedded;
    private volatile boolean nothingToDo;

    public DurableWrites(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs a write transaction and, once it has committed, writes the commit to the database file, if the database
     * is an embedded H2; returns after both. Open it outside any other transaction, where the commit is the
     * transaction's own. If the write to the file fails, the transaction stays committed and the failure is
     * thrown to the caller, which then tells nobody.
     *
     * @param work the transaction's work
     * @param <R>  what it returns
     * @return what {@code work} returned
     */
    public <R> R executeWrite(TransactionCallback<Connection, R> work) {
        return transactions.executeWrite(status -> {
            EmbeddedH2 store = embedded(status.getConnection());
            if (store != null) {
                status.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        store.writeCommits();
                    }
                });
            }
            return work.apply(status);
        });
    }

    /**
     * @return the embedded H2's database file, if the database is an embedded H2 kept in a file (not in memory, not
     *         reached over TCP, not PostgreSQL)
     */
    public Optional<Path> embeddedFile() {
        EmbeddedH2 current = embedded;
        if (current == null || current.closed()) {
            current = nothingToDo ? null : transactions.executeRead(status -> embedded(status.getConnection()));
        }
        return current == null ? Optional.empty() : current.file();
    }

    private EmbeddedH2 embedded(Connection connection) throws SQLException {
        EmbeddedH2 current = embedded;
        if (current != null && !current.closed()) {
            return current;
        }
        return nothingToDo ? null : resolve(connection);
    }

    private synchronized EmbeddedH2 resolve(Connection connection) throws SQLException {
        if (embedded != null && !embedded.closed()) {
            return embedded;
        }
        Optional<EmbeddedH2> found = EmbeddedH2.of(connection);
        if (found.isEmpty()) {
            nothingToDo = true;
            return null;
        }
        embedded = found.get();
        return embedded;
    }
}
