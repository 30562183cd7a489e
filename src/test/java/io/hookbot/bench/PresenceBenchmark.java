package io.hookbot.bench;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.db.SqlDialect;
import io.hookbot.presence.PresenceStore;
import io.hookbot.presence.PresenceTracker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;

/**
 * The cost of applying one presence event with {@link PresenceTracker#record} on the embedded H2 database (a file,
 * the default settings), over 1,000 known users with newer timestamps each time: the common "update in place"
 * path. {@code applyAndCommit} commits each event on its own (the worst case: a conversation with one pending
 * event); {@code applyInTurnBatch} applies 32 and commits once, as the dispatcher does with a conversation's batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PresenceBenchmark {

    private static final int USERS = 1_000;
    private static final PresenceChanged.Status[] STATUSES = {
        PresenceChanged.Status.ONLINE, PresenceChanged.Status.AWAY, PresenceChanged.Status.OFFLINE
    };

    private Path folder;
    private Connection connection;
    private PresenceTracker tracker;
    private long clock = 1_700_000_000L;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        folder = Files.createTempDirectory("hookbot-presence-bench");
        connection = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0", "sa", "");
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V3__sequencer_and_presence.sql"));
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        connection.setAutoCommit(false);
        tracker = new PresenceTracker(new PresenceStore(new SqlDialect("")));
        for (int i = 0; i < USERS; i++) {
            apply();
        }
        connection.commit();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS DELETE FILES");
        }
        connection.close();
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp folder: best effort
        }
    }

    @Benchmark
    public void applyAndCommit() throws SQLException {
        apply();
        connection.commit();
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public void applyInTurnBatch() throws SQLException {
        for (int i = 0; i < 32; i++) {
            apply();
        }
        connection.commit();
    }

    private void apply() throws SQLException {
        int user = next++ % USERS;
        PresenceChanged event = new PresenceChanged("chat", "user:" + user, User.of(Integer.toString(user)),
                STATUSES[next % STATUSES.length], null, Instant.ofEpochSecond(clock++));
        tracker.record(connection, event);
    }
}
