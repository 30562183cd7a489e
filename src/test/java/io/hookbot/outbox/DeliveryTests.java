package io.hookbot.outbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.FakeGateway.Answer;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The delivery policy end to end against a fake gateway failing in scripted ways: what is retried and after how
 * long, what is dead-lettered, what pauses a channel, and that each reply is accepted exactly once. Every call
 * carries the outbox row id in the form field {@code ref} ({@code send.reference-field}), so the tests count
 * sends per row. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class DeliveryTests {

    static final String TOKEN = "admin-token-1";

    FakeGateway gateway;
    FakeGateway otherGateway;
    Database database;
    TestApp app;
    AdminClient admin;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        otherGateway = new FakeGateway();
        database = database();
        app = TestApp.on(database)
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.max-attempts", 4)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("key-1")
                        .sendReferenceField("ref").sendTimeout("5s"))
                .with(TestChannel.smsGateway("sms-other").secret("s2").sendUrl(otherGateway.url()).sendApiKey("key-2")
                        .sendReferenceField("ref"))
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
        otherGateway.close();
    }

    @Test
    void aServerErrorTwiceThenOkIsSentOnTheThirdAttemptAfterGrowingBackoffs() {
        gateway.script(Answer.http(500), Answer.http(500));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("SENT");
        assertEquals(List.of("RETRY:500", "RETRY:500", "SENT:null"), history(id));
        List<FakeGateway.Call> calls = gateway.calls();
        assertEquals(3, calls.size());
        calls.forEach(call -> assertEquals(Long.toString(id), call.form().get("ref"), "the row id as reference"));
        // backoff 50ms doubling, jittered within its upper half: at least 25ms, then at least 50ms
        assertTrue(gapMs(calls, 0) >= 25, "first backoff " + gapMs(calls, 0));
        assertTrue(gapMs(calls, 1) >= 50, "second backoff " + gapMs(calls, 1));
        assertEquals(3, app.count("SELECT attempts FROM outbox_message"));
    }

    @Test
    void a429WaitsForItsRetryAfterInSeconds() {
        gateway.script(new Answer(429, "{\"status\":429}", Map.of("Retry-After", "1"), 0));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("SENT");
        assertEquals(List.of("RETRY:429", "SENT:null"), history(id));
        assertTrue(gapMs(gateway.calls(), 0) >= 1000, "waited " + gapMs(gateway.calls(), 0) + " ms");
    }

    @Test
    void a503WaitsForItsRetryAfterAsAnHttpDate() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        gateway.script(new Answer(503, "{\"status\":503}", Map.of("Retry-After", inTwoSeconds), 0));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("SENT");
        assertEquals(List.of("RETRY:503", "SENT:null"), history(id));
        // the date has whole seconds, so two seconds from now is at least one second away
        assertTrue(gapMs(gateway.calls(), 0) >= 1000, "waited " + gapMs(gateway.calls(), 0) + " ms");
    }

    @Test
    void aTimeoutIsRetriedWithTheSameReferenceSoTheGatewayCanDeduplicate() {
        app.stop();
        app.channel("sms-main").sendTimeout("1s");
        app.start();
        // a first call warms the HTTP client, so the timeout below is the gateway's doing alone
        Outbox.sms(app, "sms-main", "+99", "warm-up");
        awaitStatus("SENT");
        gateway.clearCalls();
        exec("DELETE FROM outbox_attempt");
        exec("DELETE FROM outbox_message");
        gateway.script(new Answer(200, "{\"status\":200,\"data\":{}}", Map.of(), 3_000));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("SENT");
        assertEquals(List.of("RETRY:null", "SENT:null"), history(id));
        assertEquals(2, gateway.calls().size(), "the timed-out call reached the gateway too");
        assertEquals(List.of(Long.toString(id), Long.toString(id)),
                gateway.calls().stream().map(c -> c.form().get("ref")).toList());
    }

    @Test
    void aStatus500InTheBodyOfA200IsRetriedLikeAnHttp500() {
        gateway.script(Answer.bodyStatus(500));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("SENT");
        assertEquals(List.of("RETRY:500", "SENT:null"), history(id));
        assertEquals(2, gateway.calls().size());
    }

    @Test
    void aRowOutOfAttemptsIsDeadLetteredAndTheAdminApiRetriesIt() {
        gateway.otherwise(Answer.http(503));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("FAILED");
        assertEquals(List.of("RETRY:503", "RETRY:503", "RETRY:503", "EXHAUSTED:503"), history(id));
        Map<String, Object> row = app.query("SELECT attempts, last_error, sent_at FROM outbox_message").get(0);
        assertEquals(4, ((Number) row.get("attempts")).intValue());
        assertTrue(row.get("last_error").toString().startsWith("gave up after 4 attempts: HTTP 503"), row.toString());
        assertEquals(4, gateway.calls().size());

        gateway.otherwise(Answer.ok());
        HttpResponse<String> retried = admin.post("/admin/outbox/" + id + "/retry");

        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"status\":\"PENDING\""), retried.body());
        awaitStatus("SENT");
        assertEquals(5, gateway.calls().size(), "exactly one more call, accepted");
        assertEquals(List.of("RETRY:503", "RETRY:503", "RETRY:503", "EXHAUSTED:503", "SENT:null"), history(id));
        HttpResponse<String> shown = admin.get("/admin/outbox/" + id);
        assertTrue(shown.body().contains("\"number\":5,"), shown.body());
    }

    @Test
    void aPlain4xxIsRefusedAtOnce() {
        gateway.script(Answer.http(400));

        Outbox.sms(app, "sms-main", "+100", "hello");

        long id = awaitStatus("FAILED");
        assertEquals(List.of("REFUSED:400"), history(id));
        assertEquals(1, gateway.calls().size());
    }

    @Test
    void a401PausesTheChannelAcrossARestartUntilResumedAndNothingIsLostOrDoubled() {
        gateway.script(Answer.http(401));

        Outbox.sms(app, "sms-main", "+100", "first");
        Eventually.await("the channel paused", () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
        Map<String, Object> row = app.query("SELECT id, status, attempts FROM outbox_message").get(0);
        long first = ((Number) row.get("id")).longValue();
        assertEquals("PENDING", row.get("status"), "waits, not failed");
        assertEquals(0, ((Number) row.get("attempts")).intValue(), "a pause costs no attempt");
        assertEquals(List.of("PAUSED:401"), history(first));
        assertEquals(503, app.get("/health").statusCode(), "the bare status says DOWN to anyone");
        HttpResponse<String> health = admin.get("/health");
        assertEquals(503, health.statusCode(), health.body());
        assertTrue(health.body().contains("sms-main") && health.body().contains("401"), health.body());

        Outbox.sms(app, "sms-main", "+100", "second");
        Outbox.sms(app, "sms-main", "+200", "third");
        Outbox.sms(app, "sms-other", "+300", "elsewhere");
        Eventually.await("the other channel still delivering", () -> otherGateway.calls().size() == 1);
        assertEquals(1, gateway.calls().size(), "nothing more sent on the paused channel");

        app.restart();
        Outbox.sms(app, "sms-other", "+300", "after the restart");
        Eventually.await("the other channel delivering after the restart", () -> otherGateway.calls().size() == 2);
        assertEquals(1, gateway.calls().size(), "still paused after the restart");
        assertEquals(503, app.get("/health").statusCode());
        assertTrue(admin.get("/admin/channels").body().contains("\"paused\":true"));

        HttpResponse<String> resumed = admin.post("/admin/channels/sms-main/resume");

        assertEquals(200, resumed.statusCode(), resumed.body());
        Eventually.await("everything sent", () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 5);
        assertEquals(List.of("first", "second"), gateway.calls().stream().skip(1)
                .filter(c -> c.form().get("phone").equals("+100")).map(c -> c.form().get("message")).toList());
        assertEquals(List.of("PAUSED:401", "SENT:null"), history(first));
        assertEquals(4, gateway.calls().size(), "one refused call, then each reply once");
        assertEquals(200, app.get("/health").statusCode());
    }

    @Test
    void aStatus403InTheBodyOfA200PausesTheChannelToo() {
        gateway.script(Answer.bodyStatus(403));

        Outbox.sms(app, "sms-main", "+100", "hello");

        Eventually.await("the channel paused", () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
        assertEquals("PENDING", app.query("SELECT status FROM outbox_message").get(0).get("status"));
        assertTrue(app.query("SELECT reason FROM channel_pause").get(0).get("reason").toString().contains("403"));
        admin.post("/admin/channels/sms-main/resume");
        long id = awaitStatus("SENT");
        assertEquals(List.of("PAUSED:403", "SENT:null"), history(id));
    }

    @Test
    void aRestartWithRowsInEveryStateLosesNothingAndSendsNothingTwice() {
        app.stop();
        app.with("hookbot.delivery.enabled", false).with("hookbot.delivery.lease", "4s").start();
        Outbox.sms(app, "sms-main", "+1", "was sent");
        Outbox.sms(app, "sms-main", "+2", "was dead-lettered");
        Outbox.sms(app, "sms-main", "+3", "due");
        Outbox.sms(app, "sms-main", "+4", "mid-retry");
        Outbox.sms(app, "sms-main", "+5", "claim lapsed");
        Outbox.sms(app, "sms-main", "+6", "claim still held");
        Outbox.sms(app, "sms-other", "+7", "paused channel");
        Outbox.sms(app, "sms-main", "+8", "one", "two", "three");
        exec("UPDATE outbox_message SET status = 'SENT', attempts = 1, sent_at = CURRENT_TIMESTAMP WHERE payload LIKE '%was sent%'");
        exec("UPDATE outbox_message SET status = 'FAILED', attempts = 4, last_error = 'x' WHERE payload LIKE '%dead-lettered%'");
        exec("UPDATE outbox_message SET attempts = 2, last_error = 'HTTP 503' WHERE payload LIKE '%mid-retry%'");
        exec("UPDATE outbox_message SET status = 'SENDING', claimed_until = CURRENT_TIMESTAMP - INTERVAL '1' MINUTE WHERE payload LIKE '%claim lapsed%'");
        exec("UPDATE outbox_message SET status = 'SENDING', claimed_until = CURRENT_TIMESTAMP + INTERVAL '2' SECOND WHERE payload LIKE '%claim still held%'");
        exec("INSERT INTO channel_pause (channel, reason, status_code, message_id, paused_at) VALUES ('sms-other', 'HTTP 401', 401, 0, CURRENT_TIMESTAMP)");

        app.stop();
        app.with("hookbot.delivery.enabled", true).start();

        Eventually.await("every due row sent", Duration.ofSeconds(20), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 8);
        assertEquals(sorted(List.of("due", "mid-retry", "claim lapsed", "claim still held", "one", "two", "three")),
                sorted(gateway.calls().stream().map(c -> c.form().get("message")).toList()));
        assertEquals(List.of("one", "two", "three"), gateway.calls().stream()
                .filter(c -> c.form().get("phone").equals("+8")).map(c -> c.form().get("message")).toList());
        assertEquals("FAILED", status("was dead-lettered"));
        assertEquals("PENDING", status("paused channel"));
        assertTrue(otherGateway.calls().isEmpty());

        admin.post("/admin/channels/sms-other/resume");
        Eventually.await("the paused channel's row sent", () -> "SENT".equals(status("paused channel")));
        assertEquals(1, otherGateway.calls().size());
        assertEquals(7, gateway.calls().size(), "nothing sent twice");
    }

    @Test
    void aRestartWhileSendingSendsEveryReplyExactlyOnceInOrder() {
        gateway.otherwise(() -> new Answer(200, "{\"status\":200,\"data\":{}}", Map.of(), 20));
        for (int i = 0; i < 20; i++) {
            for (int r = 0; r < 5; r++) {
                Outbox.sms(app, "sms-main", "+" + r, Integer.toString(i));
            }
        }
        Eventually.await("sending under way", () -> gateway.calls().size() >= 10);

        app.restart();

        Eventually.await("every reply sent", Duration.ofSeconds(30), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 100);
        Map<String, List<String>> byPhone = gateway.calls().stream().collect(Collectors.groupingBy(
                c -> c.form().get("phone"), Collectors.mapping(c -> c.form().get("message"), Collectors.toList())));
        List<String> expected = java.util.stream.IntStream.range(0, 20).mapToObj(Integer::toString).toList();
        byPhone.forEach((phone, texts) -> assertEquals(expected, texts, "replies to " + phone));
        assertEquals(100, gateway.calls().size(), "none sent twice");
    }

    @Test
    void manyRepliesToAFewRecipientsArriveInOrderWithinTheChannelsConcurrency() {
        app.stop();
        app.channel("sms-main").sendConcurrency(4);
        app.start();
        gateway.otherwise(() -> new Answer(200, "{\"status\":200,\"data\":{}}", Map.of(),
                ThreadLocalRandom.current().nextLong(0, 15)));
        List<NewReply> replies = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            for (int r = 0; r < 6; r++) {
                replies.add(new NewReply(10_000 + i * 6 + r, 0, "sms-main", "sms:dev-1:1:+" + r,
                        Map.of("medium", "sms", "phone", "+" + r, "device", "dev-1"), Integer.toString(i), List.of()));
            }
        }

        Outbox.write(app, replies);

        Eventually.await("every reply sent", Duration.ofSeconds(30), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 180);
        Map<String, List<String>> byPhone = gateway.calls().stream().collect(Collectors.groupingBy(
                c -> c.form().get("phone"), Collectors.mapping(c -> c.form().get("message"), Collectors.toList())));
        List<String> expected = IntStream.range(0, 30).mapToObj(Integer::toString).toList();
        assertEquals(6, byPhone.size());
        byPhone.forEach((phone, texts) -> assertEquals(expected, texts, "replies to " + phone));
        assertEquals(180, gateway.calls().size());
        assertTrue(gateway.mostConcurrentCalls() <= 4, "concurrency " + gateway.mostConcurrentCalls());
        assertTrue(gateway.mostConcurrentCalls() >= 2, "sends to different recipients overlap");
    }

    @Test
    void aChannelsRateSpacesItsSends() {
        app.stop();
        app.channel("sms-other").sendRate(20);
        app.start();
        // the first call opens the HTTP client, which holds calls made meanwhile; measure a warm client
        Outbox.sms(app, "sms-other", "+warm", "hello");
        Eventually.await("the warm-up reply", () -> otherGateway.calls().size() == 1);
        otherGateway.clearCalls();
        List<NewReply> replies = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            replies.add(new NewReply(20_000 + r, 0, "sms-other", "sms:dev-1:1:+" + r,
                    Map.of("medium", "sms", "phone", "+" + r, "device", "dev-1"), "hello", List.of()));
        }

        Outbox.write(app, replies);

        Eventually.await("every reply sent", Duration.ofSeconds(15), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 21);
        List<FakeGateway.Call> calls = otherGateway.calls();
        long spanMs = (calls.get(19).atNanos() - calls.get(0).atNanos()) / 1_000_000;
        // the limiter gives each send a slot 50 ms after the previous one; a busy machine can only start them
        // later, and the HTTP client may shift a call by a few tens of milliseconds either way
        assertTrue(spanMs >= 700, "20 sends at 20/s reached the gateway within " + spanMs + " ms");
        // a send that succeeds at once keeps its attempt in its row: it started send_ms before sent_at
        List<java.time.Instant> starts = app.query("SELECT sent_at, send_ms FROM outbox_message WHERE status = 'SENT'")
                .stream().map(a -> instant(a.get("sent_at")).minusMillis(((Number) a.get("send_ms")).longValue()))
                .sorted().skip(1).toList();
        long startSpan = Duration.between(starts.get(0), starts.get(starts.size() - 1)).toMillis();
        assertTrue(startSpan >= 19 * 50 - 50, "20 sends at 20/s started within " + startSpan + " ms");
    }

    long awaitStatus(String status) {
        Eventually.await("the row " + status, Duration.ofSeconds(15), () ->
                app.count("SELECT COUNT(*) FROM outbox_message WHERE status = '" + status + "'") == 1);
        return ((Number) app.query("SELECT id FROM outbox_message WHERE status = '" + status + "'").get(0).get("id"))
                .longValue();
    }

    /** The row's attempts as the admin API and the timeline read them: the failed ones, then the successful one. */
    List<String> history(long id) {
        try (Connection connection = app.connect()) {
            return app.context().getBean(AttemptStore.class).of(connection, id).stream()
                    .map(a -> a.outcome() + ":" + a.statusCode()).toList();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    String status(String text) {
        return app.query("SELECT status FROM outbox_message WHERE payload LIKE '%" + text + "%'").get(0)
                .get("status").toString();
    }

    void exec(String sql) {
        try (var c = database.connect(); var s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static long gapMs(List<FakeGateway.Call> calls, int index) {
        return (calls.get(index + 1).atNanos() - calls.get(index).atNanos()) / 1_000_000;
    }

    static java.time.Instant instant(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) value).toInstant();
    }

    static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
