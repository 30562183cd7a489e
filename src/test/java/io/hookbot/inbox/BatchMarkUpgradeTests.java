package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.db.DurableWrites;
import io.hookbot.inbox.journal.InboxJournal;
import io.hookbot.inbox.journal.JournalRecords;
import io.hookbot.inbox.journal.JournalingIntake;
import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.hookbot.inbox.WebinatoOrderTests.FORM;
import static io.hookbot.inbox.WebinatoOrderTests.ROOM;
import static io.hookbot.inbox.WebinatoOrderTests.URL;
import static io.hookbot.inbox.WebinatoOrderTests.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Upgrading over batch markers stored by the version before {@link io.hookbot.channel.BatchMark}: that version
 * stored a Webinato call's marker as a {@code MessageReceived} whose sequence had position -1, with
 * {@code event_type = 'batch'}, in the inbox table and in the journal's records. Such a row or record is read after
 * the upgrade as the mark it was: it is held with its call, it gives its number to the sequence (a call of repeats
 * only), and it never becomes a turn.
 */
@OnEachDatabase
class BatchMarkUpgradeTests {

    @Parameter
    TestDatabase db;

    private TestApp app;

    /**
     * A marker exactly as the previous version wrote it ({@code EventCodec.encode} of
     * {@code new MessageReceived(channel, "room:" + room, new User("webinato", "Webinato", null), "",
     * MessageKind.NOTIFICATION, List.of(), null, Instant.now(), Sequence.batchMarker(batch), null)}).
     */
    static String oldMarker(long batch) {
        return "{\"event\":\"message\",\"channel\":\"room-42\",\"conversation\":\"" + ROOM + "\",\"sender\":"
                + "{\"id\":\"webinato\",\"name\":\"Webinato\",\"role\":null},\"text\":\"\",\"kind\":\"NOTIFICATION\","
                + "\"attachments\":[],\"externalId\":null,\"timestamp\":\"2024-05-06T09:00:00.123456Z\","
                + "\"sequence\":{\"batch\":" + batch + ",\"position\":-1},\"replyTo\":{}}";
    }

    @BeforeEach
    void start() {
        app = TestApp.on(db.fresh())
                .with("test.turn-probe", "true")
                .with("hookbot.sequencer.gap-timeout", "400s")
                .with(TestChannel.webinato("room-42").token("demo-token"))
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void oldMarkerRowsAreHeldWithTheirCallAndAnOldMarkerAloneTakesItsNumber() throws SQLException {
        app.postTo(URL, FORM, batch(1, 11));
        awaitTurned("m11");

        // batch 3 as the previous version stored it: its marker, then its message (whose form has not changed)
        insert(new NewEvent("room-42", "batch:4520:3:old", ROOM, "batch", oldMarker(3), Instant.now()),
                new NewEvent("room-42", "msg:4520:31:1460727180", ROOM, "message", EventCodec.encode(message(3, 31)),
                        Instant.now()));
        Eventually.await("batch 3 held behind 2, its marker with it", () -> held("message") == 1 && held("batch") == 1);
        assertEquals(List.of("m11"), turned());

        // batch 2, a call of repeats only: its old marker alone
        insert(new NewEvent("room-42", "batch:4520:2:old", ROOM, "batch", oldMarker(2), Instant.now()));

        awaitTurned("m11", "m31");
        Eventually.await("nothing held", () -> held("message") + held("batch") == 0);
        Eventually.await("the old markers consumed", () -> app.count(
                "SELECT COUNT(*) FROM inbox_event WHERE event_type = 'batch' AND status = 'DONE'") == 3);
        assertEquals(0, app.count("SELECT COUNT(*) FROM inbox_event WHERE last_error IS NOT NULL"));
    }

    @Test
    void anOldMarkerLeftInTheJournalStillTakesItsNumber() throws Exception {
        assumeTrue(db.journaled(), "the journal is the embedded H2's");
        app.postTo(URL, FORM, batch(1, 11));
        awaitTurned("m11");
        Path folder = JournalingIntake.journalFolder(
                app.context().getBean(DurableWrites.class).embeddedFile().orElseThrow());
        app.stop();
        // as the previous version left it: batch 2, a call of repeats only, acknowledged and journaled, not written
        try (InboxJournal journal = InboxJournal.open(folder)) {
            journal.append(JournalRecords.encode(List.of(
                    new NewEvent("room-42", "batch:4520:2:old", ROOM, "batch", oldMarker(2), Instant.now()))));
        }

        app.start();
        Eventually.await("the journaled marker written and consumed", () -> app.count(
                "SELECT COUNT(*) FROM inbox_event WHERE dedupe_key = 'batch:4520:2:old' AND status = 'DONE'") == 1);
        app.postTo(URL, FORM, batch(3, 31));

        awaitTurned("m31");
        assertEquals(0, held("message") + held("batch"), "batch 3 follows 2: nothing waits");
        // the probe sees a turn before its transaction commits: wait for the commit
        Eventually.await("the sequence at batch 3", () -> app.count(
                "SELECT last_batch FROM sequence_state WHERE conversation_key = '" + ROOM + "'") == 3);
    }

    private static MessageReceived message(long batch, long id) {
        return new MessageReceived("room-42", ROOM, new User("Maria Lopez", "Maria Lopez", "attendee"), "m" + id,
                null, null, Long.toString(id), Instant.ofEpochSecond(1460727180),
                new MessageReceived.Sequence(batch, id), null);
    }

    private void insert(NewEvent... rows) throws SQLException {
        try (Connection connection = app.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox_event (channel, dedupe_key, conversation_key, event_type, payload, status, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)")) {
            for (NewEvent row : rows) {
                insert.setString(1, row.channel());
                insert.setString(2, row.dedupeKey());
                insert.setString(3, row.conversation());
                insert.setString(4, row.type());
                insert.setString(5, row.payload());
                insert.setObject(6, row.receivedAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private long held(String type) {
        return app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'HELD' AND event_type = '" + type + "'");
    }

    private List<String> turned() {
        return app.context().getBean(TurnProbe.class).turned(ROOM);
    }

    private void awaitTurned(String... texts) {
        app.context().getBean(TurnProbe.class).awaitTurned(ROOM, texts);
    }
}
