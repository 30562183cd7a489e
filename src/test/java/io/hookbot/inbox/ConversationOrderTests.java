package io.hookbot.inbox;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.StoreOutcome;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Per-conversation FIFO: many conversations with many events each, turns that take a random time, and the proof
 * that no conversation ever had two turns in flight, that each saw its events in the order they were stored, and
 * that conversations ran in parallel, never on more threads than {@code hookbot.dispatcher.workers}.
 */
@OnEachDatabase
class ConversationOrderTests {

    private static final int CONVERSATIONS = 40;
    private static final int EVENTS = 25;
    private static final int WORKERS = 4;

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

    @Test
    void eachConversationIsTurnedOneEventAtATimeInOrderAndConversationsRunInParallel() throws Exception {
        app = TestApp.on(database())
                .with("test.turn-probe", "true")
                .with("hookbot.dispatcher.workers", WORKERS)
                .with("hookbot.dispatcher.batch-size", 4)
                // a few conversations per transaction, so that every worker finds some: with the default of 64 one
                // worker could take all 40 in each pass, and whether the others ever got any was down to timing
                .with("hookbot.dispatcher.conversations-per-transaction", 5)
                .start();
        InboxWriter inbox = app.context().getBean(InboxWriter.class);
        TurnProbe probe = app.context().getBean(TurnProbe.class);

        List<CompletableFuture<StoreOutcome>> stored = new ArrayList<>();
        for (int event = 1; event <= EVENTS; event++) {
            for (int conversation = 1; conversation <= CONVERSATIONS; conversation++) {
                stored.add(inbox.store("probe", List.of(message(conversation, event))));
            }
        }
        stored.forEach(CompletableFuture::join);

        Eventually.await("every event turned", Duration.ofSeconds(60),
                () -> probe.turns() == CONVERSATIONS * EVENTS);
        assertEquals(0, probe.overlaps(), "turns of one conversation overlapped");
        List<String> expectedOrder = IntStream.rangeClosed(1, EVENTS).mapToObj(Integer::toString).toList();
        for (int conversation = 1; conversation <= CONVERSATIONS; conversation++) {
            assertEquals(expectedOrder, probe.seen().get("c" + conversation), "order of conversation c" + conversation);
        }
        assertTrue(probe.maxRunning() > 1, "conversations never ran in parallel");
        assertTrue(probe.maxRunning() <= WORKERS, "more turns in flight than workers: " + probe.maxRunning());
    }

    private static InboundEvent message(int conversation, int event) {
        MessageReceived message = new MessageReceived("probe", "c" + conversation, User.of("u" + conversation),
                Integer.toString(event), null, null, null, Instant.now(), null, null);
        return new InboundEvent("m:" + conversation + ":" + event, message);
    }
}
