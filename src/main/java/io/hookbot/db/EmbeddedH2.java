package io.hookbot.db;

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
 * The store of an embedded H2 database, reached through H2's engine classes: the only class in hookbot that uses
 * them, so that what depends on H2's internals (which change between H2 versions) is in one place, with the test
 * that fails when it breaks ({@code HardKillTest}).
 *
 * <p>Why the engine and not SQL: what {@link DurableWrites} needs is "the commits made so far are in the file when this
 * returns", and no more (a {@code write} to the operating system, no {@code fsync}: that survives {@code kill -9},
 * as the inbox journal's appends do). H2's {@code CHECKPOINT} comes closest, but it is the store's plain
 * {@code commit()}, which returns at once when H2's background writer has already taken the latest commits into a
 * write still under way on its own thread: the caller would go on before they are in the file. A change of our own
 * to the store makes {@code commit()} write, and H2 writes in order on one thread, so when that change is in the
 * file, so is everything before it. SQL can make such a change only as a table row, which adds a statement, an
 * undo-log entry and a table page to every acknowledgement; here it is one entry in a map of the store outside
 * the SQL tables, which H2 leaves alone. The database file's path, which the inbox journal sits beside, comes from
 * the same store.
 */
final class EmbeddedH2 {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedH2.class);
    /** A map of H2's store outside its SQL tables (H2 leaves maps it does not know alone). */
    private static final String MARK_MAP = "hookbot.durability";

    private final MVStore store;
    private final MVMap<Integer, Long> mark;
    private final AtomicLong marks = new AtomicLong();

    private EmbeddedH2(MVStore store) {
        this.store = store;
        this.mark = store.openMap(MARK_MAP);
    }

    /**
     * @param connection a connection to the database
     * @return its embedded store, or empty when it is not an H2 running in this process (PostgreSQL; an H2 reached
     *         over TCP, whose server decides when commits reach its disk; an H2 without a store)
     * @throws SQLException if the connection cannot be unwrapped
     */
    static Optional<EmbeddedH2> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            LOG.warn("This H2 database is reached over TCP, so its server decides when commits reach the disk: for "
                    + "acknowledged webhooks to survive a crash of that server, give it WRITE_DELAY=0");
            return Optional.empty();
        }
        return Optional.of(new EmbeddedH2(local.getDatabase().getStore().getMvStore()));
    }

    /** @return whether the database was closed since (a new store is found through a new connection then) */
    boolean closed() {
        return store.isClosed();
    }

    /** Writes every commit made so far to the file; returns once they are there. */
    void writeCommits() {
        // see the class comment: a change of our own, so that commit() writes and does not return early
        mark.put(0, marks.incrementAndGet());
        store.commit();
    }

    /** @return the database file, if the store is kept in one (not in memory) */
    Optional<Path> file() {
        if (store.getFileStore() == null) {
            return Optional.empty();
        }
        return Optional.of(Path.of(store.getFileStore().getFileName()).toAbsolutePath());
    }
}
