package io.hookbot.load;

import com.sun.net.httpserver.HttpServer;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import io.hookbot.testing.Database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load harness for the webhook path (see docs/benchmarks.md). Starts a counting fake gateway, starts the built
 * jar as a separate JVM with {@code -Xmx256m} on a fresh embedded H2, then measures:
 * <ol>
 *   <li>latency: one connection, one webhook at a time, time from sending the webhook to the gateway receiving
 *       the reply (p50, p99);</li>
 *   <li>throughput: wrk with 32 connections posting unique webhooks over 1,000 conversations; acknowledged
 *       webhooks per second, then the time until every one of them has been answered at the gateway;</li>
 *   <li>paced ({@code LOAD_PHASES=paced}): open loop at fixed rates ({@code LOAD_RATES}, default 50, 200 and 1,000
 *       webhooks/s, 10 s each) over 8 connections and 100 conversations, each webhook's latency counted from the
 *       time it was due, so a server that falls behind is seen falling behind;</li>
 *   <li>batches: the acknowledgement time of 200-entry Yalgaar calls and 200-message Webinato batches, paced and
 *       back to back (see {@link #batchPhases}).</li>
 * </ol>
 * Run with {@code load/run.sh}. Everything talks to 127.0.0.1 only.
 */
public final class LoadHarness {

    private static final Pattern MESSAGE = Pattern.compile("(?:^|&)message=([^&]*)");
    private static final String ADMIN_TOKEN = "load-admin";

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicLong replies = new AtomicLong();
    private volatile CountDown waiting;
    private int pacedRuns;
    private Process server;

    public static void main(String[] args) throws Exception {
        // the JDK server writes headers and body separately; without TCP_NODELAY every reply waits for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path jar = Path.of(args.length > 0 ? args[0] : "target/hookbot.jar");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        new LoadHarness().run(jar, seconds);
        System.exit(0);
    }

    private void run(Path jar, int seconds) throws Exception {
        HttpServer gateway = startGateway();
        int port = freePort();
        Path work = Files.createTempDirectory("hookbot-load");
        Files.createDirectories(work.resolve("bots"));
        Files.writeString(work.resolve("bots/echo.yml"), "bot: echo\nchannels: [load]\n"
                // the harness measures the pipeline with every message answered, many per conversation per minute
                + "guardrails: { replies-per-minute: off }\nrules:\n  - name: echo\n    then:\n      - reply: \"{{text}}\"\n");
        Files.writeString(work.resolve("application.yml"), String.join("\n",
                "hookbot:",
                "  bots-dir: bots",
                "  admin:",
                "    token: " + ADMIN_TOKEN,
                "  channels:",
                "    yal:",
                "      platform: yalgaar",
                "      client-key: load-key",
                "    room:",
                "      platform: webinato",
                "      token: load-token",
                "    load:",
                "      platform: sms-gateway",
                "      secret: load-secret",
                "      send:",
                "        url: http://127.0.0.1:" + gateway.getAddress().getPort(),
                "        api-key: load-key",
                ""));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        // extra JVM options for the server, e.g. LOAD_JVM_OPTS="-XX:StartFlightRecording=filename=/tmp/load.jfr"
        String extra = System.getenv().getOrDefault("LOAD_JVM_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        // LOAD_DATABASE=postgres: a fresh schema in the PostgreSQL the tests use, instead of the embedded H2
        boolean postgres = "postgres".equalsIgnoreCase(System.getenv("LOAD_DATABASE"));
        Database database = postgres ? Database.postgres() : null;
        if (database != null) {
            database.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        }
        command.addAll(List.of("-Dmicronaut.config.files=" + work.resolve("application.yml"),
                "-Dmicronaut.server.port=" + port,
                "-jar", jar.toAbsolutePath().toString()));
        Process app = server = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app.log").toFile())
                .start();
        try {
            awaitUp(port);
            System.out.println("hookbot up on port " + port + " (-Xmx256m, "
                    + (database != null ? "PostgreSQL, a fresh schema" : "H2 in " + work + "/data") + ")");
            String phases = System.getenv().getOrDefault("LOAD_PHASES", "latency,batches,throughput");
            if (phases.contains("latency")) {
                latency(port, 500, false);
                latency(port, 3000, true);
            }
            if (phases.contains("paced")) {
                paced(port, 200, 5, false);
                for (String rate : System.getenv().getOrDefault("LOAD_RATES", "50,200,1000").split(",")) {
                    paced(port, Double.parseDouble(rate.trim()), 10, true);
                }
            }
            // throughput before batches: the batches leave 100,000 room messages to turn in one conversation, one
            // event after another, which would still be running under the throughput phase
            if (phases.contains("throughput")) {
                throughput(port, 5, false);
                throughput(port, seconds, true);
            }
            if (phases.contains("batches")) {
                batchPhases(port);
            }
            Path file = work.resolve("data/hookbot.mv.db");
            if (Files.exists(file)) {
                System.out.printf("H2 file at the end, before closing: %.1f MB%n", Files.size(file) / 1e6);
            }
            String log = Files.readString(work.resolve("app.log"));
            long errors = log.lines().filter(l -> l.contains(" ERROR ") || l.contains("OutOfMemoryError")).count();
            System.out.println("server log lines with ERROR or OutOfMemoryError: " + errors);
        } finally {
            app.destroy();
            app.waitFor();
            if (database != null) {
                database.drop();
            }
            gateway.stop(0);
        }
    }

    private void latency(int port, int count, boolean report) throws Exception {
        try (KeepAliveClient client = new KeepAliveClient(port)) {
            latency(client, count, report);
        }
    }

    private void latency(KeepAliveClient client, int count, boolean report) throws Exception {
        latencies.clear();
        for (int i = 0; i < count; i++) {
            String id = (report ? "2" : "1") + String.format("%08d", i);
            String text = "t" + id;
            KeepAliveClient.Request webhook = client.post("/webhooks/load", "application/x-www-form-urlencoded",
                    "secret=load-secret&type=sms&data[id]=" + id
                            + "&data[device]=d&data[sim]=1&data[phone]=%2B639001&data[message]=" + text);
            CountDown done = new CountDown(1);
            waiting = done;
            long start = System.nanoTime();
            sentAt.put(text, start);
            KeepAliveClient.Answer ack = client.send(webhook);
            if (ack.status() != 200) {
                throw new IllegalStateException("webhook answered " + ack.status() + ": " + ack.body());
            }
            if (!done.await(5_000)) {
                throw new IllegalStateException("no reply within 5 s for " + text);
            }
            if (i % 100 == 99 && System.getenv("LOAD_VERBOSE") != null) {
                System.out.printf("  %d round trips, last %.2f ms%n", i + 1, (System.nanoTime() - start) / 1e6);
            }
        }
        waiting = null;
        if (report) {
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("latency, 1 connection, %d webhooks: webhook->gateway p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    sorted.length, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99));
        }
    }

    /**
     * Open loop: webhook {@code i} is due at {@code start + i / rate}, sent on one of 8 keep-alive connections (each
     * sends its share in turn), and its reply's latency at the gateway is counted from when it was due. A connection
     * whose previous acknowledgement came late sends late, and that lateness is in the figures.
     */
    private void paced(int port, double rate, int seconds, boolean report) throws Exception {
        int connections = 8;
        int total = (int) (rate * seconds);
        int run = 3 + pacedRuns++; // each run's webhook ids are its own: a repeated id would be a duplicate
        latencies.clear();
        CountDown done = new CountDown(total);
        waiting = done;
        long start = System.nanoTime() + 100_000_000L;
        AtomicLong refused = new AtomicLong();
        AtomicLong lateSends = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread sender = new Thread(() -> {
                try (KeepAliveClient client = new KeepAliveClient(port)) {
                    for (int i = first; i < total; i += connections) {
                        long due = start + (long) (i * 1e9 / rate);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (-wait > 1_000_000) {
                            lateSends.incrementAndGet();
                        }
                        String id = String.format("%d%08d", run, i);
                        String text = "p" + id;
                        sentAt.put(text, due);
                        KeepAliveClient.Answer ack = client.send(client.post("/webhooks/load",
                                "application/x-www-form-urlencoded", "secret=load-secret&type=sms&data[id]=" + id
                                        + "&data[device]=d&data[sim]=1&data[phone]=%2B63" + (9100 + i % 100)
                                        + "&data[message]=" + text));
                        if (ack.status() != 200) {
                            refused.incrementAndGet();
                            done.countDown();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "paced-" + c);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        boolean all = done.await(60_000);
        waiting = null;
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (report) {
            System.out.printf("paced %.0f webhooks/s for %d s (8 connections, 100 conversations): %d answered%s, "
                            + "%d refused, %d sent over 1 ms late; webhook->gateway p50 %.2f ms, p90 %.2f ms, "
                            + "p99 %.2f ms, max %.2f ms%n", rate, seconds, sorted.length,
                    all ? "" : " (NOT all within 60 s)", refused.get(), lateSends.get(), percentile(sorted, 50),
                    percentile(sorted, 90), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    /**
     * Acknowledgement time of a 200-entry Yalgaar call and of a 200-message Webinato batch, alternating, in two
     * rounds: paced ({@code LOAD_BATCH_RATE} calls per second, default 8, i.e. 1,600 events/s), so that each call
     * finds the previous one's turns done, then back to back, so that each call is acknowledged while the
     * previous one's 200 events are being turned. After each round the harness reads the backlog from
     * {@code /admin/inbox}, prints it and waits for it to drain (the turns keeping up is part of the result).
     */
    private void batchPhases(int port) throws Exception {
        double rate = Double.parseDouble(System.getenv().getOrDefault("LOAD_BATCH_RATE", "8"));
        try (KeepAliveClient client = new KeepAliveClient(port)) {
            batches(client, 0, 50, 0, false);
            drain(port, false);
            batches(client, 1, 500, (long) (1e9 / rate), true);
            drain(port, true);
            batches(client, 2, 500, 0, true);
            drain(port, true);
        }
    }

    /**
     * @param round    makes the round's events unique (and gives it its own Webinato room)
     * @param interval nanoseconds from one call's start to the next (a fixed rate, so a slow answer does not
     *                 slow down the calls after it), or 0 for back to back
     */
    private void batches(KeepAliveClient client, int round, int count, long interval, boolean report)
            throws Exception {
        long[] yalgaar = new long[count];
        long[] webinato = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            StringBuilder entries = new StringBuilder();
            StringBuilder messages = new StringBuilder();
            for (int e = 0; e < 200; e++) {
                String unique = "r" + round + "-" + i + "-" + e;
                entries.append(e == 0 ? "" : ",").append("{\"channel\":\"lobby-").append(e % 10)
                        .append("\",\"uuid\":\"user-").append(e).append("\",\"timestamp\":\"").append(1_700_000_000L + i)
                        .append("\",\"message\":\"hello ").append(unique).append("\"}");
                long msgId = round * 1_000_000L + i * 200L + e + 1;   // Webinato counts messages from 1
                messages.append(e == 0 ? "" : ",").append("{\"authorName\":\"Ann ").append(e % 7)
                        .append("\",\"authorRole\":1,\"ts\":").append(1_700_000_000L + i).append(",\"msgID\":").append(msgId)
                        .append(",\"text\":\"question ").append(unique).append("\"}");
            }
            String yalgaarBody = "{\"items\":{\"source\":\"Message\",\"clientKey\":\"load-key\",\"data\":[" + entries + "]}}";
            String webinatoBody = "inquiry=realTimeChat&roomID=" + (round + 1) + "&sender=Webinato&batchNo=" + (i + 1)
                    + "&msgsJSON=" + java.net.URLEncoder.encode("[" + messages + "]", StandardCharsets.UTF_8);
            waitUntil(start + 2L * i * interval);
            yalgaar[i] = timed(client, client.post("/webhooks/yal", "application/json", yalgaarBody));
            waitUntil(start + (2L * i + 1) * interval);
            webinato[i] = timed(client, client.post("/webhooks/room?token=load-token",
                    "application/x-www-form-urlencoded", webinatoBody));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            Arrays.sort(yalgaar);
            Arrays.sort(webinato);
            String how = interval > 0
                    ? String.format("paced, %.0f calls/s", 1e9 / interval)
                    : String.format("back to back, %.0f calls/s", 2 * count / seconds);
            System.out.printf("ack of a 200-entry Yalgaar call, %d calls, %s: p50 %.2f ms, p99 %.2f ms%n",
                    count, how, percentile(yalgaar, 50), percentile(yalgaar, 99));
            System.out.printf("ack of a 200-message Webinato batch, %d calls, %s: p50 %.2f ms, p99 %.2f ms%n",
                    count, how, percentile(webinato, 50), percentile(webinato, 99));
            System.out.printf("  %d events stored in %.1f s (%.0f/s)%n", 400 * count, seconds, 400 * count / seconds);
        }
    }

    private static void waitUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /**
     * Reads the backlog from {@code /admin/inbox} and waits until nothing is pending, at most 10 minutes, or 30 s
     * without progress (as with {@code -Dhookbot.dispatcher.enabled=false} in {@code LOAD_JVM_OPTS}).
     */
    private static void drain(int port, boolean report) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest backlog = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/admin/inbox"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).build();
        Pattern pending = Pattern.compile("^\\{\"pending\":(\\d+)");
        long start = System.nanoTime();
        long first = -1;
        long left = -1;
        long progressAt = start;
        do {
            String body = http.send(backlog, HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = pending.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("unexpected /admin/inbox answer: " + body);
            }
            long now = Long.parseLong(m.group(1));
            if (now != left) {
                progressAt = System.nanoTime();
            }
            left = now;
            if (first < 0) {
                first = left;
                if (System.getenv("LOAD_VERBOSE") != null) {
                    System.out.println("  /admin/inbox: " + body);
                }
            }
            if (left > 0) {
                Thread.sleep(250);
            }
        } while (left > 0 && System.nanoTime() - start < 600_000_000_000L
                && System.nanoTime() - progressAt < 30_000_000_000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report) {
            System.out.printf("  %d events pending when the calls stopped, %s%s%n", first,
                    left > 0 ? left + " still pending after " : "all turned in ", String.format("%.1f s", seconds)
                            + (first > 1000 && left == 0 ? String.format(" (%.0f events/s)", first / seconds) : ""));
        }
    }

    private static long timed(KeepAliveClient client, KeepAliveClient.Request request) throws Exception {
        long start = System.nanoTime();
        KeepAliveClient.Answer answer = client.send(request);
        long elapsed = System.nanoTime() - start;
        if (answer.status() != 200) {
            throw new IllegalStateException("answered " + answer.status() + ": " + answer.body());
        }
        return elapsed;
    }

    private void throughput(int port, int seconds, boolean report) throws Exception {
        long before = replies.get();
        Duration serverCpu = cpu(server.toHandle());
        Duration harnessCpu = cpu(ProcessHandle.current());
        // the shell's "times" prints wrk's CPU time (its children's) once wrk is done
        Process wrk = new ProcessBuilder("sh", "-c", "wrk -t2 -c32 -d" + seconds + "s -s load/webhooks.lua --latency "
                + "http://127.0.0.1:" + port + " && times")
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        long requests = number(output, "(\\d+) requests in");
        long non2xx = output.contains("Non-2xx") ? number(output, "Non-2xx or 3xx responses: (\\d+)") : 0;
        long errors = output.contains("Socket errors") ? 1 : 0;
        long acked = requests - non2xx;
        long drainStart = System.nanoTime();
        long deadline = drainStart + 120_000_000_000L;
        while (replies.get() - before < acked && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        long answered = replies.get() - before;
        double serverMicros = cpu(server.toHandle()).minus(serverCpu).toNanos() / 1e3 / Math.max(1, answered);
        double harnessMicros = cpu(ProcessHandle.current()).minus(harnessCpu).toNanos() / 1e3 / Math.max(1, answered);
        double wrkMicros = wrkCpuSeconds(output) * 1e6 / Math.max(1, acked);
        if (report) {
            System.out.println(output.trim());
            System.out.printf("CPU per answered webhook: hookbot %.0f us, wrk %.0f us, fake gateway and harness %.0f us"
                            + " (all three share the machine's %d cores)%n", serverMicros, wrkMicros, harnessMicros,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("throughput, 32 connections, %d s: %d webhooks acknowledged (%.0f/s), %d non-2xx%s; "
                            + "%d replies at the gateway, all answered %.1f s after the load stopped%n",
                    seconds, acked, acked / (double) seconds, non2xx, errors > 0 ? ", socket errors (see above)" : "",
                    replies.get() - before, drain);
            if (replies.get() - before < acked) {
                System.out.println("NOT every acknowledged webhook was answered within 120 s");
            }
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** @return wrk's user plus system CPU seconds, from the second line of the shell's {@code times} */
    private static double wrkCpuSeconds(String output) {
        Matcher m = Pattern.compile("(?m)^\\d+m[\\d.]+s \\d+m[\\d.]+s\\s*\\n(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s").matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        return Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))
                + Integer.parseInt(m.group(3)) * 60 + Double.parseDouble(m.group(4));
    }

    private HttpServer startGateway() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long now = System.nanoTime();
            Matcher m = MESSAGE.matcher(body);
            if (m.find()) {
                String text = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
                Long start = sentAt.remove(text);
                CountDown done = waiting;
                if (start != null && done != null) {
                    synchronized (latencies) {
                        latencies.add(now - start);
                    }
                    done.countDown();
                }
            }
            replies.incrementAndGet();
            byte[] answer = "{\"status\":200,\"message\":\"queued\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return server;
    }

    private static void awaitUp(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("hookbot did not start");
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + text);
        }
        return Long.parseLong(m.group(1));
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A one-shot latch with a timeout. */
    private static final class CountDown {
        private final java.util.concurrent.CountDownLatch latch;

        CountDown(int count) {
            latch = new java.util.concurrent.CountDownLatch(count);
        }

        void countDown() {
            latch.countDown();
        }

        boolean await(long millis) throws InterruptedException {
            return latch.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
