package io.hookbot.inbox;

import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An acknowledged webhook survives {@code kill -9} of the process right after the acknowledgement and is answered
 * exactly once after a restart. The application runs as a separate JVM on the default embedded H2 settings, where
 * commits reach the file within {@code WRITE_DELAY} (100 ms): a webhook is acknowledged once its events are in the
 * inbox journal, and what the journal holds at the next start is stored then ({@link InboxJournal}; the writer
 * usually has them in the table before the kill, so {@link JournaledInboxTest} covers a journal left full). With
 * the journal off and without the write before the acknowledgement ({@link io.hookbot.db.Durability}) the test
 * fails: acknowledged events sit in memory when the process dies.
 */
class HardKillTest {

    private static final int EVENTS = 25;
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeGateway gateway;
    private Path work;
    private Process process;

    @BeforeEach
    void setUp() throws IOException {
        gateway = new FakeGateway();
        work = Files.createTempDirectory("hookbot-kill");
        Files.createDirectories(work.resolve("bots"));
        Files.writeString(work.resolve("bots/bot.yml"), """
                bot: echo
                rules:
                  - name: echo
                    then:
                      - reply: "echo {{text}}"
                """);
    }

    @AfterEach
    void tearDown() {
        if (process != null) {
            process.destroyForcibly();
        }
        gateway.close();
    }

    @Test
    void acknowledgedEventsSurviveKillDashNineAndAreAnsweredOnce() throws Exception {
        int port = freePort();
        process = launch(port, false);
        List<String> messages = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            String message = "message-" + i;
            HttpResponse<String> ack = post(port, "secret=s3cret&type=sms&data[id]=" + i
                    + "&data[device]=dev-1&data[sim]=1&data[phone]=%2B6390000" + i + "&data[message]=" + message);
            assertEquals(200, ack.statusCode(), ack.body());
            messages.add(message);
        }
        process.destroyForcibly();                       // SIGKILL: no shutdown hooks, no flush
        process.waitFor(10, TimeUnit.SECONDS);
        assertEquals(0, gateway.calls().size(), "nothing was processed before the kill");

        process = launch(port, true);
        Eventually.await("every acknowledged event answered", Duration.ofSeconds(30),
                () -> gateway.calls().size() >= EVENTS);
        Eventually.await("every reply recorded as sent", Duration.ofSeconds(10), () -> sentRowsAfterStop() == EVENTS);

        Set<String> replies = new HashSet<>();
        gateway.calls().forEach(call -> replies.add(call.form().get("message")));
        assertEquals(EVENTS, gateway.calls().size(), "no event answered twice");
        assertEquals(EVENTS, replies.size());
        messages.forEach(m -> replies.remove("echo " + m));
        assertEquals(Set.of(), replies);
    }

    /** Stops the application gracefully (so H2 releases its file) and counts sent rows; restarts nothing. */
    private long sentRowsAfterStop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'")) {
            rows.next();
            return rows.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String jdbcUrl() {
        return "jdbc:h2:file:" + work.resolve("data/hookbot") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=100;QUERY_CACHE_SIZE=64;CACHE_SIZE=2048;DB_CLOSE_ON_EXIT=FALSE";
    }

    private Process launch(int port, boolean dispatch) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp", classpath,
                "-Dmicronaut.server.port=" + port,
                "-Dhookbot.bots-dir=" + work.resolve("bots"),
                "-Ddatasources.default.url=" + jdbcUrl(),
                "-Dhookbot.dispatcher.enabled=" + dispatch,
                "-Dhookbot.channels.sms-main.platform=sms-gateway",
                "-Dhookbot.channels.sms-main.secret=s3cret",
                "-Dhookbot.channels.sms-main.send.url=" + gateway.url(),
                "-Dhookbot.channels.sms-main.send.api-key=key",
                "io.hookbot.Application"));
        Process started = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("app-" + (dispatch ? "2" : "1") + ".log").toFile())
                .directory(new File(work.toString()))
                .start();
        Eventually.await("the application to start (log: " + work + ")", Duration.ofSeconds(60), () -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() < 500;
            } catch (Exception e) {
                return false;
            }
        });
        return started;
    }

    private HttpResponse<String> post(int port, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/sms-main"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
