package io.hookbot.bench;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.InboundEvent;
import io.hookbot.inbox.InboxWriter;
import io.hookbot.testing.TestChannel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Turn-processing throughput of the whole dispatcher on the embedded H2 database: the same number of stored
 * messages spread over one conversation, then over 1,000, each answered by the {@code support-desk} example bot
 * (rules matched, replies written to the outbox, presence "seen" updated: a real turn; the delivery worker is off
 * so that sending does not compete for the cores). The messages are
 * stored with the dispatcher off, then the application is started with it on and timed until the inbox is empty
 * (with the text search's word index emptied first, so its indexer reads the same messages meanwhile).
 * From the project folder (after the class path step of {@link RuleBenchmarks}):
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) io.hookbot.bench.DispatcherThroughput [events] [workers]
 * </pre>
 */
public final class DispatcherThroughput {

    private static final String[] TEXTS = {"hello", "I need help", "where is my order 12345", "price?", "thanks"};

    private DispatcherThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        run("warm-up", 1_000, 2_000, workers);
        double one = run("1 conversation", 1, events, workers);
        double many = run("1,000 conversations", 1_000, events, workers);
        System.out.printf("%n1,000 conversations / 1 conversation: %.2fx (%d cores, %d workers)%n", many / one,
                Runtime.getRuntime().availableProcessors(), workers);
        System.exit(0);
    }

    private static double run(String label, int conversations, int events, int workers) throws Exception {
        Path folder = Files.createTempDirectory("hookbot-throughput");
        Path bots = Files.createDirectories(folder.resolve("bots"));
        // without its quiet hours, so the figures do not depend on the time of day the benchmark runs at
        Files.writeString(bots.resolve("support-desk.yml"), Files.readString(Path.of("bots/examples/support-desk.yml"))
                .replaceAll("(?m)^  quiet-hours:.*$", ""));
        String url = "jdbc:h2:file:" + folder.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("hookbot.bots-dir", bots.toString());
        // the example bot hands customers to an agent on this chat channel
        properties.putAll(TestChannel.mqttChat("mqtt-main").token("benchmark").properties());
        properties.put("micronaut.server.port", -1);
        properties.put("hookbot.dispatcher.workers", workers);
        properties.put("hookbot.dispatcher.poll-interval", "50ms");
        // sending is measured elsewhere: here the replies stay in the outbox, so only turns compete for the cores
        properties.put("hookbot.delivery.enabled", false);

        properties.put("hookbot.dispatcher.enabled", false);
        try (EmbeddedServer loader = ApplicationContext.run(EmbeddedServer.class, properties)) {
            InboxWriter inbox = loader.getApplicationContext().getBean(InboxWriter.class);
            List<CompletableFuture<?>> stored = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                int conversation = i % conversations;
                MessageReceived message = new MessageReceived("sms-main", "c" + conversation,
                        User.of("+63900" + conversation), TEXTS[i % TEXTS.length], null, null, null, Instant.now(),
                        null, Map.of("phone", "+63900" + conversation));
                stored.add(inbox.store("sms-main", List.of(new InboundEvent("m" + i, message))));
            }
            stored.forEach(CompletableFuture::join);
        }
        forgetTextIndex(url);

        properties.put("hookbot.dispatcher.enabled", true);
        long start = System.nanoTime();
        long cpuBefore = processCpuNanos();
        long indexerCpu;
        try (EmbeddedServer ignored = ApplicationContext.run(EmbeddedServer.class, properties);
             Connection connection = DriverManager.getConnection(url, "sa", "")) {
            while (pending(connection) > 0) {
                Thread.sleep(20);
            }
            indexerCpu = threadCpuNanos("search-indexer");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = processCpuNanos() - cpuBefore;
        if (indexerCpu >= 0) {
            System.out.printf("%-22s the text indexer's thread: %.2f s of the process's %.2f s of CPU (%.1f%%)%n",
                    label, indexerCpu / 1e9, cpu / 1e9, 100.0 * indexerCpu / cpu);
        }
        delete(folder);
        double perSecond = events / seconds;
        System.out.printf("%-22s %,7d turns in %6.2f s: %,8.0f turns/s%n", label, events, seconds, perSecond);
        return perSecond;
    }

    /**
     * Empties the text search's word index (where the code has one), which the loader's indexer may have filled
     * already: so the timed run indexes every message while it turns them, as a live instance does.
     */
    private static void forgetTextIndex(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet table = connection.getMetaData().getTables(null, null, "search_cursor", null)) {
            if (table.next()) {
                statement.executeUpdate("DELETE FROM conversation_word");
                statement.executeUpdate("UPDATE search_cursor SET indexed_through = 0");
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** @return the CPU time of the (last started) live thread of that name, or -1 if there is none */
    private static long threadCpuNanos(String name) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long found = -1;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                found = Math.max(found, threads.getThreadCpuTime(thread.getId()));
            }
        }
        return found;
    }

    private static void delete(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static long pending(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM inbox_event WHERE status = 'PENDING'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
