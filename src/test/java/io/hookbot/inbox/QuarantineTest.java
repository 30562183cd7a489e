package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.journal.InboxJournal;
import io.hookbot.inbox.journal.InboxQuarantine;
import io.hookbot.inbox.journal.JournalRecords;
import io.hookbot.inbox.journal.JournalingIntake;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A poison record in the inbox journal (an acknowledged event the table refuses for good, here one larger than the
 * payload column, as an older version could have journaled it): at the next start it goes to the quarantine, the
 * records behind it are stored and answered, and no later start replays it; the admin API lists, shows, retries and
 * drops quarantined events. Embedded H2 only: only it has a journal.
 */
class QuarantineTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String TOKEN = "admin-token";
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{16})\"");

    private final Database database = Database.h2();
    private FakeGateway gateway;
    private TestApp app;
    private AdminClient admin;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(database)
                .rules("bot.yml", """
                        bot: echo
                        rules:
                          - name: echo
                            then:
                              - reply: "you said: {{text}}"
                        """)
                .with("hookbot.admin.token", TOKEN)
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"))
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void aPoisonRecordACrashLeftIsQuarantinedAndEverythingBehindItIsAnswered() throws Exception {
        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));
        Eventually.await("the first reply", () -> gateway.calls("/api/send/sms").size() == 1);
        Map<String, Object> row = app.query(
                "SELECT channel, dedupe_key, conversation_key, event_type, payload FROM inbox_event").get(0);
        Path journalFolder = JournalingIntake.journalFolder(
                app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());
        app.stop();

        String payload = (String) row.get("payload");
        NewEvent poison = event(row, "-poison", payload.replace("Hello World!", "x".repeat(1_000_001)));
        NewEvent behind = event(row, "-behind", payload.replace("Hello World!", "behind the poison"));
        NewEvent sameRecord = event(row, "-same", payload.replace("Hello World!", "in the poison's call"));
        try (InboxJournal journal = InboxJournal.open(journalFolder)) {
            journal.append(JournalRecords.encode(List.of(poison, sameRecord)));
            journal.append(JournalRecords.encode(List.of(behind)));
        }

        app.start();

        Eventually.await("the two good events answered", () -> gateway.calls("/api/send/sms").size() == 3);
        assertEquals(List.of("you said: in the poison's call", "you said: behind the poison"),
                gateway.calls("/api/send/sms").stream().skip(1).map(c -> c.form().get("message")).toList());
        Eventually.await("the journal emptied", () -> journalBytes(journalFolder) == 0);
        HttpResponse<String> backlog = admin.get("/admin/inbox");
        assertTrue(backlog.body().contains("\"quarantined\":1"), backlog.body());

        HttpResponse<String> list = admin.get("/admin/inbox/quarantine");
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("\"total\":1") && list.body().contains("SQLState 22001"), list.body());
        assertTrue(!list.body().contains("xxxxxxxxxx"), "the list leaves the payload out");
        String id = id(list.body());
        HttpResponse<String> shown = admin.get("/admin/inbox/quarantine/" + id);
        assertEquals(200, shown.statusCode());
        assertTrue(shown.body().contains("xxxxxxxxxx"), "one entry is shown with its event");

        HttpResponse<String> retried = admin.post("/admin/inbox/quarantine/" + id + "/retry");
        assertEquals(409, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("still refuses"), retried.body());

        app.restart();
        Eventually.await("readiness UP after the restart",
                () -> admin.get("/health/readiness").statusCode() == 200);
        assertEquals(3, gateway.calls("/api/send/sms").size(), "nothing replayed, nothing answered twice");
        assertEquals(3, app.count("SELECT COUNT(*) FROM inbox_event"));
        assertTrue(admin.get("/admin/inbox").body().contains("\"quarantined\":1"), "still kept for the operator");

        assertEquals(200, admin.delete("/admin/inbox/quarantine/" + id).statusCode());
        assertEquals(404, admin.delete("/admin/inbox/quarantine/" + id).statusCode());
        assertEquals(404, admin.get("/admin/inbox/quarantine/" + id).statusCode());
        assertEquals(400, admin.get("/admin/inbox/quarantine/not-an-id").statusCode());
        assertTrue(admin.get("/admin/inbox").body().contains("\"quarantined\":0"));
    }

    @Test
    void aQuarantinedEventTheTableNowAcceptsIsStoredAndAnsweredOnRetry() throws Exception {
        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));
        Eventually.await("the first reply", () -> gateway.calls("/api/send/sms").size() == 1);
        Map<String, Object> row = app.query(
                "SELECT channel, dedupe_key, conversation_key, event_type, payload FROM inbox_event").get(0);
        Path folder = JournalingIntake.quarantineFolder(
                app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());
        app.stop();
        // as if a cause since fixed had refused it
        NewEvent event = event(row, "-fixed", ((String) row.get("payload"))
                .replace("Hello World!", "kept aside"));
        String id = InboxQuarantine.open(folder).put(event, "SQLException (SQLState 22001)", Instant.now()).id();
        app.start();

        HttpResponse<String> retried = admin.post("/admin/inbox/quarantine/" + id + "/retry");
        assertEquals(200, retried.statusCode(), retried.body());
        assertTrue(retried.body().contains("\"status\":\"STORED\""), retried.body());
        Eventually.await("its reply", () -> gateway.calls("/api/send/sms").size() == 2);
        assertEquals("you said: kept aside", gateway.calls("/api/send/sms").get(1).form().get("message"));
        assertTrue(admin.get("/admin/inbox").body().contains("\"quarantined\":0"));
        assertEquals(404, admin.post("/admin/inbox/quarantine/" + id + "/retry").statusCode());
    }

    private static NewEvent event(Map<String, Object> row, String keySuffix, String payload) {
        return new NewEvent((String) row.get("channel"), row.get("dedupe_key") + keySuffix,
                (String) row.get("conversation_key"), (String) row.get("event_type"), payload, Instant.now());
    }

    private static String id(String body) {
        Matcher matcher = ID.matcher(body);
        assertTrue(matcher.find(), body);
        return matcher.group(1);
    }

    private static long journalBytes(Path folder) {
        try (var files = Files.list(folder)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                total += Files.size(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
