package io.hookbot.db;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes commits durable (surviving {@code kill -9}) at the moments that need it, on the embedded H2.
 *
 * <p>The rule: <b>a commit that someone outside is told about is written to the file first</b>. A webhook is
 * acknowledged only after its events are written: appended to the inbox journal, or (journal off) their commit
 * written ({@code InboxWriter}, which also writes the journaled events' commit before it lets the journal go of
 * them); a reply's outcome is written right
 * after it is recorded ({@code DeliveryWorker}), so a reply the gateway accepted is not sent again after a crash
 * (except in the moment between the gateway's answer and that write, as before). Every other commit — the turns,
 * above all — reaches the file with the next of these writes, or within H2's {@code WRITE_DELAY} (100 ms in the
 * default URL), whichever comes first. A turn lost to a crash before that is simply taken again from the inbox: its
 * event is still pending there, and nothing it did was visible outside yet.
 *
 * <p>Why not write every commit ({@code WRITE_DELAY=0})? Each H2 write serializes every page changed since the last
 * one, and the turns of a busy conversation change the same pages pass after pass; writing them once for many
 * passes, and not in the acknowledgements' way, is most of what the embedded database costs under load
 * (docs/benchmarks.md).
 *
 * <p>On PostgreSQL (and on an H2 reached over TCP, whose server owns its own write policy) every commit is durable
 * when it returns, and {@link #flush()} does nothing.
 */
@Singleton
public class Durability {

    private static final Logger LOG = LoggerFactory.getLogger(Durability.class);
    /** A map of H2's store outside its SQL tables (H2 leaves maps it does not know alone). */
    private static final String MARK_MAP = "hookbot.durability";

    private final TransactionOperations<Connection> transactions;
    private volatile Embedded embedded;
    private volatile boolean nothingToDo;

    public Durability(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * Writes every commit made so far to the database file, if the database is an embedded H2 (for PostgreSQL,
     * a no-op). Call it outside a transaction, after the commit and before telling anyone about it.
     */
    public void flush() {
        if (nothingToDo) {
            return;
        }
        Embedded current = embedded;
        if (current == null || current.store().isClosed()) {
            current = resolve();
            if (current == null) {
                return;
            }
        }
        // H2's background writer may have taken the latest commits into a write that is still under way on its own
        // threads; then the store has nothing unsaved and commit() would return at once. A change of our own makes
        // commit() write, and H2 writes in order on one thread: when ours is on the file, so is everything before.
        current.mark().put(0, current.marks().incrementAndGet());
        current.store().commit();
    }

    /**
     * @return the embedded H2's database file, if the database is an embedded H2 kept in a file (not in memory, not
     *         reached over TCP, not PostgreSQL)
     */
    public Optional<Path> embeddedFile() {
        Embedded current = embedded != null ? embedded : nothingToDo ? null : resolve();
        if (current == null || current.store().getFileStore() == null) {
            return Optional.empty();
        }
        return Optional.of(Path.of(current.store().getFileStore().getFileName()).toAbsolutePath());
    }

    private synchronized Embedded resolve() {
        if (embedded != null && !embedded.store().isClosed()) {
            return embedded;
        }
        MVStore found = transactions.executeRead(status -> embeddedStore(status.getConnection()));
        if (found == null) {
            nothingToDo = true;
            return null;
        }
        embedded = new Embedded(found, found.openMap(MARK_MAP), new AtomicLong());
        return embedded;
    }

    private static MVStore embeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            LOG.warn("This H2 database is reached over TCP, so its server decides when commits reach the disk: for "
                    + "acknowledged webhooks to survive a crash of that server, give it WRITE_DELAY=0");
            return null;
        }
        return local.getDatabase().getStore().getMvStore();
    }

    /** The embedded store, with the map that {@link #flush()} writes a counter to. */
    private record Embedded(MVStore store, MVMap<Integer, Long> mark, AtomicLong marks) {
    }
}
