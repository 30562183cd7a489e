package io.hookbot.inbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.faults.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One webhook whose data the inbox table refuses (here through a fault bean that answers its insert as PostgreSQL
 * answers a NUL: SQLState 22021), among others arriving at the same moment and sharing its group commit: only that
 * call fails, and the others are stored and answered. Acknowledged after the commit (PostgreSQL), the culprit gets a
 * 400 and is not stored; acknowledged from the journal (H2), it was acknowledged already and goes to the quarantine.
 * Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class GroupCommitFallbackTests {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int CALLS = 12;
    private static final int CULPRIT = 7;

    private FakeGateway gateway;
    private TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    boolean journaled() {
        return db.journaled();
    }

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(database())
                .rules("bot.yml", """
                        bot: echo
                        rules:
                          - name: echo
                            then:
                              - reply: "you said: {{text}}"
                        """)
                .with("test.faults", "true")
                .with("hookbot.admin.token", "t0ken")
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void theDatabaseRefusingOneCallsDataFailsThatCallAloneAndTheOthersAreAnswered() throws Exception {
        app.context().getBean(Faults.class).arm(Faults.INBOX_INSERT + ":sms:" + CULPRIT,
                () -> new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        ExecutorService threads = Executors.newFixedThreadPool(CALLS);
        Map<Integer, HttpResponse<String>> answers = new HashMap<>();
        try {
            CyclicBarrier together = new CyclicBarrier(CALLS);
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int id = 1; id <= CALLS; id++) {
                int message = id;
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return app.post("sms-main", FORM, "secret=demo-secret&type=sms&data[device]=d1&data[sim]=1&data[id]=" + message
                            + "&data[phone]=%2B63900" + message + "&data[message]=number+" + message);
                }, threads));
            }
            for (int id = 1; id <= CALLS; id++) {
                answers.put(id, calls.get(id - 1).get());
            }
        } finally {
            threads.shutdown();
        }

        for (int id = 1; id <= CALLS; id++) {
            HttpResponse<String> answer = answers.get(id);
            if (id == CULPRIT && !journaled()) {
                assertEquals(400, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"error\":\"unstorable\"") && answer.body().contains("22021"),
                        answer.body());
            } else {
                assertEquals(200, answer.statusCode(), id + ": " + answer.body());
            }
        }
        Eventually.await("every other call answered", () -> gateway.calls("/api/send/sms").size() == CALLS - 1);
        assertTrue(gateway.calls("/api/send/sms").stream()
                .noneMatch(call -> call.form().get("message").equals("you said: number " + CULPRIT)));
        assertEquals(CALLS - 1, app.count("SELECT COUNT(*) FROM inbox_event"), "the culprit is not stored");
        String backlog = new AdminClient(app, "t0ken").get("/admin/inbox").body();
        assertTrue(backlog.contains("\"quarantined\":" + (journaled() ? 1 : 0)), backlog);
    }
}
