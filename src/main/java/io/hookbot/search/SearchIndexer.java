package io.hookbot.search;

import io.hookbot.db.SqlDialect;
import io.hookbot.inbox.InboxRetention;
import io.hookbot.inbox.InboxSettings;
import io.hookbot.metrics.GaugeTables;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills the word index from {@code inbox_event}, in the background: the worker {@code search-indexer} reads the
 * events after its cursor ({@code search_cursor}) in id order, {@value #BATCH} at a time, and writes their message
 * texts' words ({@link WordIndex}) and the cursor in one transaction, so a restart goes on where the last commit
 * left off. Nothing on the webhook's or the turn's way writes to the index: a message is found once the indexer has
 * read it, normally within {@link #EVERY} of its storing, and later while it catches up (after an upgrade, the
 * whole history; under a burst). How far behind it is shows as the gauge {@code hookbot_search_index_lag_seconds}
 * and on the dashboard's conversations page; a batch that takes longer than {@link #STUCK_AFTER}, or fails, makes
 * the readiness component {@code workers} DOWN.
 *
 * <p>Ids that commit out of order are looked for again for a minute ({@link IdCursor}). Several instances on one
 * PostgreSQL share the work: a batch locks the cursor's row, and an instance that finds it locked waits for its
 * next round.
 */
@Singleton
public class SearchIndexer implements ApplicationEventListener<ServerStartupEvent> {

    /** Events read per transaction. */
    static final int BATCH = 1_000;
    /**
     * While catching up, the pause after a batch, in multiples of the batch's own time: the indexer's share of a
     * core is at most 1 / (1 + this). Indexing costs about as much CPU per message as the rest of a webhook's way
     * (docs/benchmarks.md, "The search indexer's share"), so under sustained load the index falls behind (the lag
     * gauge and the dashboard say so) rather than slow the bot, and catches up when the load eases.
     */
    static final long PAUSE_PER_WORK = 4;
    /** The wait when the index has caught up. */
    static final Duration EVERY = Duration.ofSeconds(1);
    /** A batch running longer than this makes readiness DOWN. */
    static final Duration STUCK_AFTER = Duration.ofMinutes(2);
    /** How long an id skipped over is looked for again. */
    static final Duration GAP_PATIENCE = Duration.ofMinutes(1);
    /** Behind by more than this, the dashboard says so. */
    static final Duration NOTICEABLE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final String CURSOR = "inbox_event";

    private final TransactionOperations<Connection> transactions;
    private final SqlDialect dialect;
    private final Supervisor supervisor;
    private final GaugeTables gauges;
    private final Clock clock;
    private final Object waiting = new Object();
    private volatile Worker worker;
    /** Used by the worker's thread only, and by {@link #indexBatch} under its lock. */
    private IdCursor cursor;
    /** When the newest event the index has read was received; {@code null} until the first batch. */
    private volatile Instant indexedUpTo;
    /** When a batch last reached the newest stored event (at first: when hookbot started). */
    private volatile Instant caughtUpAt;
    private volatile long unreadable;
    private final Duration retention;
    private final Duration purgeInterval;
    private final WordPurge purge = new WordPurge();
    /** When the next purge starts (System.nanoTime), and whether one is under way. */
    private long nextPurge;
    private boolean purging;

    public SearchIndexer(TransactionOperations<Connection> transactions, SqlDialect dialect, Supervisor supervisor,
                         GaugeTables gauges, Clock clock, InboxRetention inboxRetention, InboxSettings inbox) {
        this.retention = inboxRetention.retention().orElse(null);
        this.purgeInterval = inbox.purgeInterval();
        this.nextPurge = System.nanoTime() + Math.min(purgeInterval.toNanos(), Duration.ofMinutes(1).toNanos());
        this.transactions = transactions;
        this.dialect = dialect;
        this.supervisor = supervisor;
        this.gauges = gauges;
        this.clock = clock;
        this.caughtUpAt = clock.instant();
    }

    @Override
    public synchronized void onApplicationEvent(ServerStartupEvent event) {
        if (worker == null) {
            gauges.live("hookbot.search.index.lag.seconds", "Seconds the conversation search's word index is behind the "
                    + "newest stored event: since a batch last reached it", () -> lag(clock.instant()).toMillis()
                    / 1000.0);
            worker = supervisor.loop("search-indexer", STUCK_AFTER, this::round);
        }
    }

    /**
     * @param now the time
     * @return how far behind the index is: the time since a batch last reached the newest stored event (about
     *         {@link #EVERY} at most while it keeps up; growing while it catches up, fails or does not run)
     */
    public Duration lag(Instant now) {
        Duration since = Duration.between(caughtUpAt, now);
        return since.isNegative() ? Duration.ZERO : since;
    }

    /**
     * @param now the time
     * @return when the newest event the index holds was received (or since when it has been behind, if it read
     *         none yet), if the index is noticeably behind: a search may miss messages received since
     */
    public Optional<Instant> behind(Instant now) {
        if (lag(now).compareTo(NOTICEABLE) <= 0) {
            return Optional.empty();
        }
        Instant upTo = indexedUpTo;
        return Optional.of(upTo == null ? caughtUpAt : upTo);
    }

    /**
     * One round of the worker: a batch, and while a purge is under way one step of it; then, if there was nothing
     * more to do at once, a wait of {@link #EVERY}.
     */
    private void round() throws InterruptedException {
        long started = System.nanoTime();
        boolean more = indexBatch();
        long spent = System.nanoTime() - started;
        if (retention != null && (purging || System.nanoTime() - nextPurge > 0)) {
            purging = purgeStep(clock.instant());
            if (!purging) {
                nextPurge = System.nanoTime() + purgeInterval.toNanos();
            }
            more |= purging;
        }
        if (more) {
            // catching up (a burst, a backlog, an upgrade's history): a pause of PAUSE_PER_WORK times the batch's
            // time, so the index never takes more than a fifth of a core from the webhooks and turns it follows
            pause(Math.max(1, spent * PAUSE_PER_WORK / 1_000_000));
            return;
        }
        pause(EVERY.toMillis());
    }

    private void pause(long millis) throws InterruptedException {
        synchronized (waiting) {
            Worker self = worker;
            if (self != null && self.running()) {
                waiting.wait(millis);
            }
        }
    }

    /**
     * Indexes the next batch of events now.
     *
     * @return whether there may be more to read at once (the batch was full)
     */
    public synchronized boolean indexBatch() {
        Boolean more = transactions.executeWrite(s -> indexBatch(s.getConnection()));
        return more;
    }

    private boolean indexBatch(Connection connection) throws SQLException {
        Optional<Long> stored = lockCursor(connection);
        if (stored.isEmpty()) {
            return false;  // another instance holds it
        }
        long now = System.nanoTime();
        if (cursor == null || cursor.through() != stored.get()) {
            // first batch, or another instance moved the cursor since: start from what it stored
            cursor = new IdCursor(stored.get(), GAP_PATIENCE.toNanos());
        }
        List<WordIndex.Row> rows = new ArrayList<>();
        List<long[]> gaps = cursor.gaps();
        if (!gaps.isEmpty()) {
            for (WordIndex.Row found : readGaps(connection, gaps)) {
                rows.add(found);
                cursor.found(found.id());
            }
        }
        List<Long> ids = new ArrayList<>();
        Instant newest = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, conversation_key, "
                + "event_type, payload, received_at FROM inbox_event WHERE id > ? ORDER BY id FETCH FIRST " + BATCH
                + " ROWS ONLY")) {
            select.setLong(1, cursor.highest());
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(row(found));
                    ids.add(found.getLong(1));
                    newest = found.getObject(6, OffsetDateTime.class).toInstant();
                }
            }
        }
        cursor.read(ids, now);
        cursor.expire(now);
        int bad = WordIndex.add(connection, rows);
        if (bad > 0) {
            unreadable += bad;
            LOG.warn("The search indexer could not read {} stored event(s) ({} since the start); their texts are "
                    + "not searchable", bad, unreadable);
        }
        if (cursor.through() != stored.get()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE search_cursor SET indexed_through = ? WHERE name = ?")) {
                update.setLong(1, cursor.through());
                update.setString(2, CURSOR);
                update.executeUpdate();
            }
        }
        boolean more = ids.size() == BATCH;
        if (newest != null) {
            indexedUpTo = newest;
        }
        if (!more) {
            caughtUpAt = clock.instant();
        }
        return more;
    }

    /**
     * Ages the index out by one step (see {@link WordPurge}), with the cursor's lock held.
     *
     * @param now the time; words of events received before it minus the inbox retention may go
     * @return whether there is more to do at once
     */
    synchronized boolean purgeStep(Instant now) {
        if (retention == null) {
            return false;
        }
        Boolean more = transactions.executeWrite(s -> lockCursor(s.getConnection()).isPresent()
                && purge.step(s.getConnection(), now.minus(retention)));
        return more;
    }

    /**
     * Ages the index out now, to the end ({@link #purgeStep} until it is done).
     *
     * @param now the time
     */
    public void purge(Instant now) {
        while (purgeStep(now)) {
            // next step
        }
    }

    private Optional<Long> lockCursor(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(dialect.lockedAgainstOtherProcesses(connection,
                "SELECT indexed_through FROM search_cursor WHERE name = ?"))) {
            select.setString(1, CURSOR);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
            }
        }
    }

    private static List<WordIndex.Row> readGaps(Connection connection, List<long[]> gaps) throws SQLException {
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < gaps.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("id BETWEEN ? AND ?");
        }
        List<WordIndex.Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, conversation_key, "
                + "event_type, payload FROM inbox_event WHERE " + where + " ORDER BY id")) {
            int i = 1;
            for (long[] gap : gaps) {
                select.setLong(i++, gap[0]);
                select.setLong(i++, gap[1]);
            }
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    rows.add(row(found));
                }
            }
        }
        return rows;
    }

    private static WordIndex.Row row(ResultSet found) throws SQLException {
        return new WordIndex.Row(found.getLong(1), found.getString(2), found.getString(3), found.getString(4),
                found.getString(5));
    }

    /** Stops the worker after its batch. */
    @PreDestroy
    public void close() throws InterruptedException {
        Worker current = worker;
        if (current != null) {
            current.stop();
            synchronized (waiting) {
                waiting.notifyAll();
            }
            current.join(Duration.ofSeconds(5));
        }
    }
}
