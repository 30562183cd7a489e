package io.hookbot;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping hookbot while webhooks pour in, as Ctrl-C under load does: nothing is logged at ERROR, a webhook that
 * arrives while it stops is answered 503 with {@code Retry-After} (or finds the port closed), and every webhook that
 * was acknowledged is in the inbox afterwards and answered after the next start.
 */
class OrderlyShutdownTest {

    private final FakeGateway gateway = new FakeGateway();
    private final TestApp app = TestApp.on(Database.h2())
            .rules("bot.yml", """
                    bot: echo
                    rules:
                      - name: echo
                        then:
                          - reply: "you said: {{text}}"
                    """)
            .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url()).sendApiKey("k"));

    @AfterEach
    void tearDown() {
        app.close();
        gateway.close();
    }

    @Test
    void stoppingUnderLoadLogsNoErrorAndLosesNothingAcknowledged() throws Exception {
        app.start();
        String url = app.url() + "/webhooks/sms-main";
        HttpClient http = HttpClient.newHttpClient();
        AtomicBoolean pouring = new AtomicBoolean(true);
        AtomicInteger ids = new AtomicInteger();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> unexpected = new ArrayList<>();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread sender = new Thread(() -> {
                while (pouring.get()) {
                    int id = ids.incrementAndGet();
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("secret=demo-secret&type=sms&data[id]=" + id
                                        + "&data[device]=d&data[sim]=1&data[phone]=%2B6390" + (id % 50)
                                        + "&data[message]=m" + id)).build(), HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200) {
                            acknowledged.add(id);
                        } else if (answer.statusCode() != 503 || answer.headers().firstValue("Retry-After").isEmpty()) {
                            synchronized (unexpected) {
                                unexpected.add(answer.statusCode() + " " + answer.body());
                            }
                        }
                    } catch (IOException e) {
                        // the port closed: the platform retries later
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sender.start();
            senders.add(sender);
        }
        Eventually.await("webhooks flowing", () -> acknowledged.size() > 200);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            app.stop();
        } finally {
            pouring.set(false);
            for (Thread sender : senders) {
                sender.join();
            }
            root.detachAppender(log);
        }

        List<String> errors = log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertEquals(List.of(), errors, "an orderly stop logs no error");
        assertEquals(List.of(), unexpected, "while stopping: 200, or 503 with Retry-After");

        app.start();
        long stored = app.count("SELECT COUNT(*) FROM inbox_event");
        assertTrue(stored >= acknowledged.size(), stored + " stored of " + acknowledged.size() + " acknowledged");
        for (int id : acknowledged) {
            assertEquals(1, app.count("SELECT COUNT(*) FROM inbox_event WHERE dedupe_key = 'sms:" + id + "'"),
                    "acknowledged webhook " + id);
        }
        Eventually.await("every acknowledged webhook answered", java.time.Duration.ofSeconds(60),
                () -> gateway.calls("/api/send/sms").size() >= acknowledged.size());
    }
}
