package io.hookbot.bench;

import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.Platforms;
import io.hookbot.optout.OptOutGate;
import io.hookbot.optout.OptOutPolicies;
import io.hookbot.optout.OptOutStore;
import io.hookbot.testing.Database;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * What the opt-out check costs a reply, with 1,000,000 opted-out addresses in the table, on the embedded H2 (a file,
 * the application's URL settings) and on the test PostgreSQL, as {@code OutboxWriter} asks it: a fresh
 * {@link OptOutGate.Check} per pass, {@link OptOutGate.Check#prefetch} for the pass's recipients, then
 * {@link OptOutGate.Check#suppression} for each, on an open transaction. {@code single*}: a pass with one reply
 * (one look-up), to an address that did not opt out and to one that did; {@code pass64*}: a pass of 64 replies to
 * 64 addresses (one statement), the figure per reply, none opted out, and one in eight. The addresses are drawn at
 * random; those that opted out and those that did not interleave in the index (even and odd numbers), so every
 * look-up lands on a random page of it.
 *
 * <p>The table is loaded once, into {@code target/optout-bench/} (H2) and the schema {@code optout_bench}
 * (PostgreSQL), and reused by later runs; delete them to load again.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OptOutCheckBenchmark {

    static final int ROWS = 1_000_000;
    static final int PASS = 64;
    private static final String H2_URL = "jdbc:h2:file:" + Path.of("target/optout-bench/db").toAbsolutePath()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=100;QUERY_CACHE_SIZE=64;"
            + "CACHE_SIZE=2048;DB_CLOSE_ON_EXIT=FALSE";

    @Param({"h2", "postgres"})
    public String database;

    private Connection connection;
    private OptOutGate gate;
    private final SplittableRandom random = new SplittableRandom(42);
    private final List<OptOutGate.Outbound> pass = new java.util.ArrayList<>(PASS);

    @Setup(Level.Trial)
    public void setUp() throws IOException, SQLException {
        connection = connect();
        boolean loaded;
        try (Statement statement = connection.createStatement()) {
            loaded = statement.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = "
                    + "'opt_out'" + (database.equals("postgres") ? " AND table_schema = 'optout_bench'" : ""))
                    .next() && count(statement) == ROWS;
        }
        if (!loaded) {
            load();
        }
        connection.setAutoCommit(false);
        gate = gate();
    }

    private int count(Statement statement) {
        try {
            var rows = statement.executeQuery("SELECT COUNT(*) FROM opt_out");
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    private Connection connect() throws SQLException {
        if (database.equals("h2")) {
            return DriverManager.getConnection(H2_URL, "sa", "");
        }
        Connection admin = DriverManager.getConnection(Database.postgresUrl(), "postgres", "");
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS optout_bench");
        }
        admin.close();
        return DriverManager.getConnection(Database.postgresUrl() + "?currentSchema=optout_bench", "postgres", "");
    }

    private void load() throws IOException, SQLException {
        String migration = Files.readString(Path.of("src/main/resources/db/migration/V10__opt_outs.sql"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS opt_out");
            for (String sql : migration.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO opt_out (scope, address, channel, "
                + "source, actor, event_id, opted_out_at) VALUES ('sms-main', ?, 'sms-main', 'KEYWORD', 'stop', ?, ?)")) {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
            for (int i = 0; i < ROWS; i++) {
                insert.setString(1, phone(2L * i));
                insert.setLong(2, i + 1L);
                insert.setObject(3, at);
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(database.equals("postgres") ? "ANALYZE opt_out" : "CHECKPOINT SYNC");
        }
        connection.commit();
        connection.setAutoCommit(true);
        if (database.equals("h2")) {
            // what a restart after the load would see: pages on the file, none of them cached
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            connection = connect();
        }
    }

    private static OptOutGate gate() {
        Map<String, Object> settings = Map.of("hookbot.channels.sms-main.platform", "sms-gateway",
                "hookbot.channels.sms-main.secret", "s");
        try (ApplicationContext context = ApplicationContext.builder().properties(settings).deduceEnvironment(false)
                .banner(false).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            ChannelRegistry channels = new ChannelRegistry(environment, Platforms.onClassPath(), List.of());
            return new OptOutGate(new OptOutPolicies(channels), channels, new OptOutStore(new io.hookbot.db.SqlDialect("")));
        }
    }

    /** The n-th phone number: the even ones opted out. */
    private static String phone(long n) {
        return "+1" + (5_550_000_000L + n);
    }

    private OptOutGate.Outbound reply(boolean optedOut) {
        String phone = phone(2L * random.nextInt(ROWS) + (optedOut ? 0 : 1));
        return new OptOutGate.Outbound("sms-main", Map.of("medium", "sms", "phone", phone), "sms:dev-1:1:" + phone);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.rollback();
        connection.close();
    }

    private int check(List<OptOutGate.Outbound> replies) throws SQLException {
        OptOutGate.Check check = gate.check(connection);
        check.prefetch(replies);
        int suppressed = 0;
        for (OptOutGate.Outbound reply : replies) {
            if (check.suppression(reply.channel(), reply.replyTo(), reply.recipient()).isPresent()) {
                suppressed++;
            }
        }
        return suppressed;
    }

    @Benchmark
    public int singleNotOptedOut() throws SQLException {
        return check(List.of(reply(false)));
    }

    @Benchmark
    public int singleOptedOut() throws SQLException {
        return check(List.of(reply(true)));
    }

    @Benchmark
    @OperationsPerInvocation(PASS)
    public int pass64NotOptedOut() throws SQLException {
        pass.clear();
        for (int i = 0; i < PASS; i++) {
            pass.add(reply(false));
        }
        return check(pass);
    }

    @Benchmark
    @OperationsPerInvocation(PASS)
    public int pass64OneInEightOptedOut() throws SQLException {
        pass.clear();
        for (int i = 0; i < PASS; i++) {
            pass.add(reply(i % 8 == 0));
        }
        return check(pass);
    }
}
