package io.hookbot.outbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A backlog drains completely and in order: the test-sized form of the backlog benchmark
 * ({@code DeliveryLoad}, docs/benchmarks-delivery.md): 12 replies to each of 50 recipients and a gateway that answers
 * in 10 ms, once queued before delivery starts and once written by turns while delivery runs. Every reply reaches the
 * gateway exactly once and each recipient gets its 12 in the order they were written. How fast is the benchmark's
 * question, not this test's.
 */
@OnEachDatabase
class BacklogDrainTests {

    private static final int RECIPIENTS = 50;
    private static final int EACH = 12;

    @Parameter
    TestDatabase db;

    FakeGateway gateway;
    Database database;
    TestApp app;

    @BeforeEach
    void start() {
        gateway = new FakeGateway(48);
        gateway.otherwise(new FakeGateway.Answer(200, "{\"status\":200,\"data\":{}}", Map.of(), 10));
        database = db.fresh();
        app = TestApp.on(database)
                .with("hookbot.delivery.concurrency", 16)
                .with(TestChannel.smsGateway("load").secret("s").sendUrl(gateway.url()).sendApiKey("k"));
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void aBacklogQueuedBeforeDeliveryStartsIsSentOnceEachInOrder() {
        app.with("hookbot.delivery.enabled", false).start();
        Outbox.write(app, replies());
        app.stop();

        app.with("hookbot.delivery.enabled", true).start();

        assertDrainedInOrder();
    }

    @Test
    void repliesWrittenByTurnsWhileDeliveryRunsAreSentOnceEachInOrder() throws InterruptedException {
        app.start();
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        OutboxWriter writer = app.context().getBean(OutboxWriter.class);
        List<NewReply> replies = replies();
        // two "turn threads", each owning half the recipients, as one conversation's turns never run at once
        List<Thread> turns = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int own = t;
            Thread turn = new Thread(() -> {
                for (int i = 0; i < replies.size(); i++) {
                    if ((i % RECIPIENTS) % 2 == own) {
                        NewReply reply = replies.get(i);
                        transactions.executeWrite(status -> {
                            writer.writeAndHandOff(status, List.of(reply));
                            return null;
                        });
                    }
                }
            });
            turn.start();
            turns.add(turn);
        }
        for (Thread turn : turns) {
            turn.join();
        }

        assertDrainedInOrder();
    }

    /** Reply {@code k} goes to recipient {@code k mod 50}, so recipient r's texts are "0" … "11" in writing order. */
    private static List<NewReply> replies() {
        List<NewReply> replies = new ArrayList<>();
        for (int i = 0; i < RECIPIENTS * EACH; i++) {
            String phone = "+" + (i % RECIPIENTS);
            replies.add(new NewReply(i + 1, 0, "load", "sms:dev:1:" + phone,
                    Map.of("medium", "sms", "phone", phone, "device", "dev"), Integer.toString(i / RECIPIENTS),
                    List.of()));
        }
        return replies;
    }

    private void assertDrainedInOrder() {
        int total = RECIPIENTS * EACH;
        Eventually.await("every reply sent", Duration.ofSeconds(60), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == total);
        List<FakeGateway.Call> calls = gateway.calls();
        assertEquals(total, calls.size(), "each reply reached the gateway once");
        Map<String, List<String>> byPhone = calls.stream().collect(Collectors.groupingBy(
                c -> c.form().get("phone"), Collectors.mapping(c -> c.form().get("message"), Collectors.toList())));
        List<String> expected = IntStream.range(0, EACH).mapToObj(Integer::toString).toList();
        assertEquals(RECIPIENTS, byPhone.size(), "recipients");
        byPhone.forEach((phone, texts) -> assertEquals(expected, texts, "replies to " + phone + ", in order"));
    }
}
