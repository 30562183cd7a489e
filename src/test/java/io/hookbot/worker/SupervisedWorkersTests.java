package io.hookbot.worker;

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
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each background worker of a running hookbot made to fail through a fault bean ({@link Faults}), as a database that
 * goes away would make it fail: the worker keeps running, readiness is DOWN naming it while it fails, and once the
 * fault is gone it recovers by itself, readiness is UP again and the work it was kept from is done. Runs on H2 and on
 * PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class SupervisedWorkersTests {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TOKEN = "admin-token";

    private FakeGateway gateway;
    private TestApp app;
    private Faults faults;
    private AdminClient admin;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    /** @return whether webhooks are acknowledged from the journal, before the table write (the embedded H2) */
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
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.workers.max-backoff", "200ms")
                .with("hookbot.inbox.purge-interval", "200ms")
                .with("hookbot.schedules.poll-interval", "100ms")
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"))
                .start();
        faults = app.context().getBean(Faults.class);
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void theInboxWriterRecoversFromALostDatabaseAndNothingAcknowledgedIsLost() {
        assertReady();
        faults.armDatabaseDown(Faults.INBOX_INSERT);

        HttpResponse<String> during = sms(1, "while the database is away");
        if (journaled()) {
            assertEquals(200, during.statusCode(), "journaled: acknowledged before the table write");
        } else {
            assertEquals(503, during.statusCode(), during.body());
            assertEquals("5", during.headers().firstValue("Retry-After").orElse(null));
        }
        assertNotReady("inbox-writer");

        faults.disarm(Faults.INBOX_INSERT);
        if (!journaled()) {
            assertEquals(200, sms(1, "while the database is away").statusCode(), "the platform's retry is stored");
        }
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
        assertEquals("you said: while the database is away", gateway.calls("/api/send/sms").get(0).form().get("message"));
        assertReady();
        assertTrue(faults.hits(Faults.INBOX_INSERT) >= 1);
    }

    @Test
    void aTurnWorkerRecoversAndTheEventIsTurnedOnce() {
        faults.armDatabaseDown(Faults.INBOX_PENDING);
        assertEquals(200, sms(2, "turn me").statusCode());
        Eventually.await("the turn tried", () -> faults.hits(Faults.INBOX_PENDING) >= 2);
        assertNotReady("turns-");
        assertEquals(0, gateway.calls().size());

        faults.disarm(Faults.INBOX_PENDING);
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
        assertReady();
        assertEquals(1, gateway.calls("/api/send/sms").size(), "turned once");
    }

    @Test
    void theDispatcherPollRecovers() {
        faults.armDatabaseDown(Faults.INBOX_POLL);
        assertNotReady("dispatcher-poll");
        faults.disarm(Faults.INBOX_POLL);
        assertReady();
        assertEquals(200, sms(3, "after the poll came back").statusCode());
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
    }

    @Test
    void theDeliveryLoopRecoversAndSendsWhatWaited() {
        faults.armDatabaseDown(Faults.OUTBOX_CLAIM);
        assertNotReady("delivery-loop");
        faults.disarm(Faults.OUTBOX_CLAIM);
        assertReady();
        assertEquals(200, sms(4, "delivered").statusCode());
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
    }

    @Test
    void theSchedulePollerRecovers() {
        faults.armDatabaseDown(Faults.SLOTS_CLAIM);
        assertNotReady("schedules");
        faults.disarm(Faults.SLOTS_CLAIM);
        assertReady();
    }

    @Test
    void theInboxRetentionRecovers() {
        faults.armDatabaseDown(Faults.INBOX_PURGE);
        assertNotReady("InboxRetention");
        faults.disarm(Faults.INBOX_PURGE);
        assertReady();
    }

    @Test
    void anErrorThrownByAWorkerDoesNotEndItsThread() {
        faults.arm(Faults.OUTBOX_CLAIM, () -> new OutOfMemoryError("test: as if the heap ran out once"));
        assertNotReady("delivery-loop");
        faults.disarm(Faults.OUTBOX_CLAIM);
        assertReady();
        HttpResponse<String> liveness = admin.get("/health/liveness");
        assertEquals(200, liveness.statusCode(), liveness.body());
        assertEquals(200, sms(5, "still here").statusCode());
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
    }

    private HttpResponse<String> sms(int id, String text) {
        return app.post("sms-main", FORM, "secret=demo-secret&type=sms&data[id]=" + id
                + "&data[device]=d1&data[sim]=1&data[phone]=%2B639001&data[message]=" + text.replace(' ', '+'));
    }

    private void assertNotReady(String worker) {
        Eventually.await("readiness DOWN naming " + worker, Duration.ofSeconds(10), () -> {
            HttpResponse<String> readiness = admin.get("/health/readiness");
            return readiness.statusCode() == 503 && readiness.body().contains("\"" + worker);
        });
    }

    private void assertReady() {
        Eventually.await("readiness UP", Duration.ofSeconds(10),
                () -> admin.get("/health/readiness").statusCode() == 200);
    }
}
