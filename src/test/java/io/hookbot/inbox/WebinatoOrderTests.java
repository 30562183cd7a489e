package io.hookbot.inbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Webinato batches become turns in {@code batchNo} order, messages in {@code msgID} order: posted over HTTP in the
 * sample's form, observed with the {@link TurnProbe}. Gaps filled, gaps given up after the timeout, empty batches,
 * duplicates, a room restart, and an application restart while a batch is held.
 */
@OnEachDatabase
class WebinatoOrderTests {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String URL = "/webhooks/room-42?token=demo-token";
    static final String ROOM = "room:4520";

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(String gapTimeout) {
        app = TestApp.on(database())
                .with("test.turn-probe", "true")
                .with("hookbot.sequencer.gap-timeout", gapTimeout)
                .with(TestChannel.webinato("room-42").token("demo-token"))
                .start();
    }

    @Test
    void aBatchAheadOfAMissingOneIsHeldUntilItArrivesThenBothGoInOrder() {
        start("400s");
        post(batch(1, 11, 12));
        awaitTurned("m11", "m12");
        post(batch(3, 32, 31));
        awaitHeld(2);
        assertEquals(List.of("m11", "m12"), turned());

        post(batch(2, 21));

        awaitTurned("m11", "m12", "m21", "m31", "m32");
        awaitHeld(0);
    }

    @Test
    void theSampleBatchesInOrderWithTheEmptyOneTakingItsNumber() {
        start("400s");
        post(Samples.read("webinato/realtimechat.form"));            // batch 3 starts the room's sequence
        awaitTurned("Hello everyone, can you hear the presenter?", "Welcome! Slides are coming up in a minute.",
                "Type HELP if you have audio problems.");
        post(batch(5, 5051));
        awaitHeld(1);

        HttpResponse<String> empty = post(Samples.read("webinato/empty-batch.form"));   // batch 4, no messages

        assertEquals("{\"stored\":0,\"duplicates\":0}", empty.body(), "no message; its marker is not counted");
        Eventually.await("batch 5 released", () -> turned().contains("m5051"));
        awaitHeld(0);
        assertEquals(4, turned().size(), "the empty batch's marker is not a turn: " + turned());
    }

    @Test
    void aGapNotFilledWithinTheTimeoutIsSkippedLoggedAndCounted() {
        start("1s");
        post(batch(1, 11));
        awaitTurned("m11");
        post(batch(3, 31));
        post(batch(5, 51));

        Eventually.await("the held batches released", Duration.ofSeconds(15),
                () -> turned().equals(List.of("m11", "m31", "m51")));
        // the probe sees a turn before its transaction commits: wait for the commit
        Eventually.await("two batch numbers counted as skipped", () ->
                app.count("SELECT skipped FROM sequence_state WHERE conversation_key = '" + ROOM + "'") == 2);
        awaitHeld(0);
    }

    @Test
    void aDuplicateBatchOrAnAlreadySeenMessageIsAcknowledgedAndDropped() {
        start("400s");
        String first = batch(1, 11, 12);
        assertEquals("{\"stored\":2,\"duplicates\":0}", post(first).body());
        assertEquals("{\"stored\":0,\"duplicates\":2}", post(first).body());
        assertEquals("{\"stored\":1,\"duplicates\":1}", post(batch(2, 12, 21)).body());
        String emptyThird = Samples.read("webinato/empty-batch.form").replace("batchNo=4", "batchNo=3");
        assertEquals("{\"stored\":0,\"duplicates\":0}", post(emptyThird).body());
        assertEquals("{\"stored\":0,\"duplicates\":0}", post(emptyThird).body());
        assertEquals(3, app.count("SELECT COUNT(*) FROM inbox_event WHERE event_type = 'batch'"),
                "one marker per distinct call: batches 1, 2 and 3");

        awaitTurned("m11", "m12", "m21");
    }

    @Test
    void batchOneAfterHigherNumbersStartsANewSequence() {
        start("400s");
        post(batch(1, 11));
        post(batch(2, 21));
        post(batch(3, 31));
        awaitTurned("m11", "m21", "m31");

        post(batch(1, 111));
        post(batch(3, 131));
        awaitHeld(1);
        post(batch(2, 121));

        awaitTurned("m11", "m21", "m31", "m111", "m121", "m131");
        Eventually.await("one restart counted", () ->
                app.count("SELECT restarts FROM sequence_state WHERE conversation_key = '" + ROOM + "'") == 1);
    }

    /** A restart after the old sequence released only batch 1 still releases what it held, before the new one. */
    @Test
    void aRoomRestartAfterOnlyBatchOneReleasesTheOldSequencesHeldBatchFirst() {
        start("400s");
        post(batch(1, 601));
        awaitTurned("m601");
        post(batch(3, 603));
        awaitHeld(1);

        post(batch(1, 651));
        awaitTurned("m601", "m603", "m651");
        awaitHeld(0);
        post(batch(2, 652));

        awaitTurned("m601", "m603", "m651", "m652");
        Eventually.await("batch 2 of the old sequence counted as skipped, one restart", () ->
                app.count("SELECT skipped * 10 + restarts FROM sequence_state WHERE conversation_key = '" + ROOM
                        + "'") == 11);
    }

    /** Webinato resends messages in its next call after one it believes failed: that call keeps its number. */
    @Test
    void aBatchOfRepeatsOnlyTakesItsNumberAndTheNextBatchIsNotHeld() {
        start("400s");
        post(batch(1, 91, 92));
        awaitTurned("m91", "m92");

        assertEquals("{\"stored\":0,\"duplicates\":1}", post(batch(2, 92)).body());
        post(batch(3, 93));

        awaitTurned("m91", "m92", "m93");
        awaitHeld(0);
    }

    @Test
    void heldBatchesSurviveARestartOfTheApplication() {
        start("400s");
        post(batch(1, 11));
        awaitTurned("m11");
        post(batch(3, 31));
        awaitHeld(1);

        app.restart();
        assertEquals(1, held(), "still held after the restart");
        post(batch(2, 21));

        awaitTurned("m21", "m31");
        awaitHeld(0);
    }

    private HttpResponse<String> post(String form) {
        HttpResponse<String> response = app.postTo(URL, FORM, form);
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** A RealTimeChat call shaped like the sample, each message's text being {@code m<msgID>}. */
    static String batch(long batchNo, long... msgIds) {
        String messages = LongStream.of(msgIds)
                .mapToObj(id -> "{\"authorName\":\"Maria Lopez\",\"authorRole\":\"0\",\"ts\":\"1460727180\","
                        + "\"msgID\":\"" + id + "\",\"text\":\"m" + id + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return "inquiry=realTimeChat&roomID=4520&sender=Webinato&batchNo=" + batchNo + "&msgsJSON="
                + URLEncoder.encode(messages, StandardCharsets.UTF_8);
    }

    private List<String> turned() {
        return app.context().getBean(TurnProbe.class).turned(ROOM);
    }

    private void awaitTurned(String... texts) {
        app.context().getBean(TurnProbe.class).awaitTurned(ROOM, texts);
    }

    private long held() {
        return app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'HELD' AND event_type = 'message'");
    }

    private void awaitHeld(long count) {
        Eventually.await(count + " events held", () -> held() == count);
    }
}
