package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.journal.InboxJournal;
import io.hookbot.inbox.journal.JournalRecords;
import io.hookbot.inbox.journal.JournalingIntake;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inbox journal on the embedded H2 ({@link InboxWriter}, {@link InboxJournal}): webhooks are acknowledged once
 * their new events are journaled; what a crash leaves in the journal is stored and answered at the next start, once;
 * and the answer's counts stay exact when copies of one webhook race each other.
 */
class JournaledInboxTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final Pattern COUNTS = Pattern.compile("\\{\"stored\":(\\d+),\"duplicates\":(\\d+)}");

    private final Database database = Database.h2();
    private FakeGateway gateway;
    private TestApp app;

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
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url())
                        .sendApiKey("api-key-1"))
                .with(TestChannel.yalgaar("yal").clientKey("ck"));
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void eventsACrashLeftInTheJournalAreStoredAndAnsweredAtTheNextStartOnce() throws Exception {
        app.start();
        app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form"));
        Eventually.await("the first reply", () -> gateway.calls("/api/send/sms").size() == 1);
        Map<String, Object> row = app.query(
                "SELECT channel, dedupe_key, conversation_key, event_type, payload FROM inbox_event").get(0);
        Path folder = JournalingIntake.journalFolder(app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());
        app.stop();

        // as a crash leaves it: the stored event once more (written to the table just before the crash) and a
        // second one acknowledged and never written
        NewEvent stored = new NewEvent((String) row.get("channel"),
                (String) row.get("dedupe_key"), (String) row.get("conversation_key"), (String) row.get("event_type"),
                (String) row.get("payload"), Instant.now());
        NewEvent unwritten = new NewEvent(stored.channel(), stored.dedupeKey() + "-2",
                stored.conversation(), stored.type(), stored.payload().replace("Hello World!", "from the journal"),
                Instant.now());
        assertTrue(unwritten.payload().contains("from the journal"), "the sample's text is in the payload");
        try (InboxJournal journal = InboxJournal.open(folder)) {
            journal.append(JournalRecords.encode(List.of(stored)));
            journal.append(JournalRecords.encode(List.of(unwritten)));
        }

        app.start();

        Eventually.await("the journaled event's reply", () -> gateway.calls("/api/send/sms").size() == 2);
        assertEquals("you said: from the journal", gateway.calls("/api/send/sms").get(1).form().get("message"));
        assertEquals(2, app.count("SELECT COUNT(*) FROM inbox_event"), "the replayed stored event is not stored twice");
        Eventually.await("the journal emptied", () -> journalBytes(folder) == 0);
        assertEquals(2, gateway.calls().size(), "no second reply to the first message");
    }

    @Test
    void copiesOfOneWebhookRacingEachOtherAreStoredOnceAndTheAnswersAddUp() throws Exception {
        app.start();
        assertTrue(Files.isDirectory(JournalingIntake.journalFolder(
                app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow())), "the journal is on");
        int copies = 8;
        int entries = 200;
        ExecutorService threads = Executors.newFixedThreadPool(copies);
        try {
            for (int round = 0; round < 5; round++) {
                StringBuilder data = new StringBuilder();
                for (int e = 0; e < entries; e++) {
                    data.append(e == 0 ? "" : ",").append("{\"channel\":\"lobby\",\"uuid\":\"user-").append(e)
                            .append("\",\"timestamp\":\"").append(1_700_000_000L + round)
                            .append("\",\"message\":\"hello ").append(e).append("\"}");
                }
                String body = "{\"items\":{\"source\":\"Message\",\"clientKey\":\"ck\",\"data\":[" + data + "]}}";
                CyclicBarrier together = new CyclicBarrier(copies);
                List<CompletableFuture<String>> answers = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    answers.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            together.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return app.post("yal", "application/json", body).body();
                    }, threads));
                }
                int stored = 0;
                int duplicates = 0;
                for (CompletableFuture<String> answer : answers) {
                    Matcher counts = COUNTS.matcher(answer.get());
                    assertTrue(counts.matches(), answer.get());
                    stored += Integer.parseInt(counts.group(1));
                    duplicates += Integer.parseInt(counts.group(2));
                }
                assertEquals(entries, stored, "round " + round + ": each event is told stored to exactly one copy");
                assertEquals((copies - 1) * entries, duplicates);
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(5L * entries, app.count("SELECT COUNT(*) FROM inbox_event"));
    }

    @Test
    void aRedeliveryAfterARestartIsRecognisedFromTheKeysReadAtStart() {
        app.start();
        String body = Samples.read("sms-gateway/sms.form");
        assertEquals("{\"stored\":1,\"duplicates\":0}", app.post("sms-main", FORM, body).body());
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
        app.restart();

        assertEquals("{\"stored\":0,\"duplicates\":1}", app.post("sms-main", FORM, body).body());
        assertEquals("{\"stored\":1,\"duplicates\":0}", app.post("sms-main", FORM,
                body.replace("data%5Bid%5D=2&", "data%5Bid%5D=3&")).body(), "a new message after the restart is new");
    }

    @Test
    void withTheJournalOffNoJournalIsKeptAndWebhooksAreStillStoredOnce() {
        app.with("hookbot.inbox.journal", false).start();
        Path folder = JournalingIntake.journalFolder(app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());

        String body = Samples.read("sms-gateway/sms.form");
        assertEquals("{\"stored\":1,\"duplicates\":0}", app.post("sms-main", FORM, body).body());
        assertEquals("{\"stored\":0,\"duplicates\":1}", app.post("sms-main", FORM, body).body());

        assertFalse(Files.exists(folder));
        Eventually.await("the reply", () -> gateway.calls("/api/send/sms").size() == 1);
    }

    @Test
    void anH2FileOtherProcessesMayShareGetsNoJournal() {
        String url = ((String) database.properties().get("datasources.default.url"))
                .replace(";DB_CLOSE_ON_EXIT=FALSE", "") + ";AUTO_SERVER=TRUE";   // H2 refuses the two together
        app.with("datasources.default.url", url).start();
        Path folder = JournalingIntake.journalFolder(app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());

        assertEquals("{\"stored\":1,\"duplicates\":0}",
                app.post("sms-main", FORM, Samples.read("sms-gateway/sms.form")).body());
        assertFalse(Files.exists(folder), "a journal belongs to one process");
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
