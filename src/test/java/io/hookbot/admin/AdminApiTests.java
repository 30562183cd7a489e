package io.hookbot.admin;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API over real HTTP and a real database: the token check, listing and paging, showing a row, and the
 * 4xx answers to bad input, each naming the parameter. Delivery is off, so rows stay where the test puts them.
 * Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class AdminApiTests {

    static final String TOKEN = "s3cret-admin-token";

    TestApp app;
    AdminClient admin;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.enabled", false)
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .with(TestChannel.smsGateway("sms-b").secret("s2"))
                .start();
        admin = new AdminClient(app, TOKEN);
        List<NewReply> replies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            replies.add(new NewReply(i, 0, i <= 3 ? "sms-main" : "sms-b", "sms:-:-:+" + i,
                    Map.of("medium", "sms", "phone", "+" + i), "reply " + i, List.of()));
        }
        write(replies);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @SuppressWarnings("unchecked")
    void write(List<NewReply> replies) {
        OutboxStore store = app.context().getBean(OutboxStore.class);
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        transactions.executeWrite(s -> store.insert(s.getConnection(), replies));
    }

    @Test
    void aMissingOrWrongTokenIs401Json() {
        for (AdminClient client : List.of(new AdminClient(app, null), new AdminClient(app, "guess"))) {
            HttpResponse<String> answer = client.get("/admin/outbox");
            assertEquals(401, answer.statusCode(), answer.body());
            assertTrue(answer.body().contains("\"error\":\"unauthorized\""), answer.body());
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        }
        assertEquals(401, new AdminClient(app, null).post("/admin/channels/sms-main/resume").statusCode());
    }

    @Test
    void rowsAreListedNewestFirstByStatusAndChannelInPages() {
        HttpResponse<String> all = admin.get("/admin/outbox?size=2&page=1");
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("\"total\":5"), all.body());
        assertTrue(all.body().contains("\"text\":\"reply 3\"") && all.body().contains("\"text\":\"reply 2\""), all.body());
        assertTrue(!all.body().contains("reply 1") && !all.body().contains("reply 4"), all.body());

        HttpResponse<String> main = admin.get("/admin/outbox?status=pending&channel=sms-b");
        assertTrue(main.body().contains("\"total\":2"), main.body());
        assertTrue(admin.get("/admin/outbox?status=FAILED").body().contains("\"total\":0"));
    }

    @Test
    void oneRowIsShownWithItsAttemptHistory() {
        long id = ((Number) app.query("SELECT MIN(id) AS id FROM outbox_message").get(0).get("id")).longValue();
        HttpResponse<String> shown = admin.get("/admin/outbox/" + id);
        assertEquals(200, shown.statusCode(), shown.body());
        assertTrue(shown.body().contains("\"id\":" + id + ","), shown.body());
        assertTrue(shown.body().contains("\"history\":[]"), shown.body());
        assertTrue(shown.body().contains("\"replyTo\":{"), shown.body());
    }

    @Test
    void badInputIsA4xxNamingTheParameter() {
        assertError(admin.get("/admin/outbox?status=LOST"), 400, "status");
        assertError(admin.get("/admin/outbox?size=0"), 400, "size");
        assertError(admin.get("/admin/outbox?size=100000"), 400, "size");
        assertError(admin.get("/admin/outbox?page=-1"), 400, "page");
        assertError(admin.get("/admin/outbox?page=x"), 400, "page");
        assertError(admin.get("/admin/outbox/abc"), 400, "id");
        assertError(admin.post("/admin/outbox/abc/retry"), 400, "id");
        assertError(admin.get("/admin/outbox/999999"), 404, null);
        assertError(admin.post("/admin/outbox/999999/retry"), 404, null);
        long id = ((Number) app.query("SELECT MIN(id) AS id FROM outbox_message").get(0).get("id")).longValue();
        assertError(admin.post("/admin/outbox/" + id + "/retry"), 409, null);
        assertError(admin.post("/admin/channels/sms-main/resume"), 409, null);
        assertError(admin.post("/admin/channels/nowhere/resume"), 404, null);
    }

    @Test
    void channelsAreListedWithTheirPauseState() {
        HttpResponse<String> channels = admin.get("/admin/channels");
        assertEquals(200, channels.statusCode(), channels.body());
        assertTrue(channels.body().contains("\"channel\":\"sms-main\",\"platform\":\"sms-gateway\",\"paused\":false"),
                channels.body());
    }

    @Test
    void theInboxBacklogIsCountedPerChannel() throws Exception {
        HttpResponse<String> empty = admin.get("/admin/inbox");
        assertEquals(200, empty.statusCode(), empty.body());
        // nothing waits: no oldest time and no channels (absent, as every empty value in hookbot's JSON)
        assertEquals("{\"pending\":0,\"held\":0,\"failed\":0,\"quarantined\":0}", empty.body());

        app.stop();
        app.with("hookbot.dispatcher.enabled", false).start();
        for (String[] sms : new String[][]{{"sms-main", "s1", "1"}, {"sms-main", "s1", "2"}, {"sms-main", "s1", "3"},
                {"sms-b", "s2", "4"}}) {
            HttpResponse<String> ack = app.post(sms[0], "application/x-www-form-urlencoded", "secret=" + sms[1]
                    + "&type=sms&data[id]=" + sms[2] + "&data[device]=d&data[sim]=1&data[phone]=%2B639001"
                    + "&data[message]=hi");
            assertEquals(200, ack.statusCode(), ack.body());
        }
        // acknowledged from the journal: wait until the events are in the table before failing one of them
        assertEquals(4, app.count("SELECT COUNT(*) FROM inbox_event"));
        try (Connection connection = app.connect(); var update = connection.createStatement()) {
            update.executeUpdate("UPDATE inbox_event SET status = 'FAILED', last_error = 'boom' "
                    + "WHERE id = (SELECT MIN(id) FROM inbox_event WHERE channel = 'sms-main')");
        }
        HttpResponse<String> backlog = admin.get("/admin/inbox");
        assertEquals(200, backlog.statusCode(), backlog.body());
        String body = backlog.body();
        assertTrue(body.startsWith("{\"pending\":3,\"held\":0,\"failed\":1,\"oldestWaiting\":\""), body);
        assertTrue(body.contains("{\"channel\":\"sms-b\",\"pending\":1,\"held\":0,\"failed\":0,"), body);
        assertTrue(body.contains("{\"channel\":\"sms-main\",\"pending\":2,\"held\":0,\"failed\":1,"), body);
        assertTrue(body.indexOf("sms-b") < body.indexOf("sms-main"), body);
        assertEquals(401, new AdminClient(app, null).get("/admin/inbox").statusCode());
    }

    @Test
    void failedEventsAreListedAndOneIsPutBackInLineAndTurned() throws Exception {
        for (String[] sms : new String[][]{{"sms-main", "s1", "11"}, {"sms-main", "s1", "12"}, {"sms-b", "s2", "13"}}) {
            assertEquals(200, app.post(sms[0], "application/x-www-form-urlencoded", "secret=" + sms[1]
                    + "&type=sms&data[id]=" + sms[2] + "&data[device]=d&data[sim]=1&data[phone]=%2B639001"
                    + "&data[message]=hi").statusCode());
        }
        Eventually.await("the three events turned",
                () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == 3);
        try (Connection connection = app.connect(); var update = connection.createStatement()) {
            update.executeUpdate("UPDATE inbox_event SET status = 'FAILED', last_error = 'boom ' || id");
            update.executeUpdate("INSERT INTO inbox_event (channel, dedupe_key, conversation_key, event_type, payload, "
                    + "status, received_at, last_error) VALUES ('~schedule', 'b/r@t', 'b/r', 'schedule', '{}', "
                    + "'FAILED', CURRENT_TIMESTAMP, 'rule failed')");
        }
        long smsB = app.count("SELECT id FROM inbox_event WHERE channel = 'sms-b'");
        long firing = app.count("SELECT id FROM inbox_event WHERE channel = '~schedule'");

        HttpResponse<String> all = admin.get("/admin/inbox/failed?size=2");
        assertEquals(200, all.statusCode(), all.body());
        assertTrue(all.body().contains("\"total\":4"), all.body());
        assertTrue(all.body().startsWith("{\"items\":[{\"id\":" + firing + ","), all.body());
        assertTrue(all.body().contains("\"error\":\"boom " + smsB + "\""), all.body());
        assertTrue(all.body().contains("\"event\":{"), all.body());
        HttpResponse<String> onB = admin.get("/admin/inbox/failed?channel=sms-b");
        assertTrue(onB.body().contains("\"total\":1"), onB.body());
        assertTrue(admin.get("/admin/inbox").body().startsWith("{\"pending\":0,\"held\":0,\"failed\":4"));

        HttpResponse<String> retried = admin.post("/admin/inbox/" + smsB + "/retry");
        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"channel\":\"sms-b\"") && retried.body().contains("\"status\":\"PENDING\""),
                retried.body());
        Eventually.await("the retried event turned again", () -> app.count(
                "SELECT COUNT(*) FROM inbox_event WHERE id = " + smsB + " AND status = 'DONE'") == 1);

        assertError(admin.post("/admin/inbox/" + smsB + "/retry"), 409, null);
        assertError(admin.post("/admin/inbox/" + firing + "/retry"), 409, null);
        assertError(admin.post("/admin/inbox/999999/retry"), 404, null);
        assertError(admin.post("/admin/inbox/abc/retry"), 400, "id");
        assertError(admin.get("/admin/inbox/failed?size=0"), 400, "size");
        assertEquals(401, new AdminClient(app, null).post("/admin/inbox/" + smsB + "/retry").statusCode());
    }

    @Test
    void withoutAConfiguredTokenTheAdminApiIsAbsentAndSaysHowToEnableIt() {
        app.stop();
        app.with("hookbot.admin.token", "").start();
        HttpResponse<String> answer = new AdminClient(app, TOKEN).get("/admin/outbox");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("hookbot.admin.token"), answer.body());
        Eventually.await("the app still serving health", () -> app.get("/health").statusCode() == 200);
    }

    private static void assertError(HttpResponse<String> answer, int status, String field) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("content-type").orElse("").contains("json"), answer.body());
        assertTrue(answer.body().contains("\"message\":"), answer.body());
        if (field != null) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), answer.body());
        }
    }
}
