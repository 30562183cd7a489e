package io.hookbot.inbox;

import io.hookbot.inbox.WebinatoOrderModel.Call;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestClock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole application against {@link WebinatoOrderModel}: generated {@link OrderWorld}s posted over HTTP as
 * Webinato's forms, turned by the real dispatcher and sequencer on a real database, observed with the
 * {@link TurnProbe}; the clock is the {@link TestClock}, moved past the gap timeout instead of waiting, and the
 * application is restarted between rounds. After every round each room's turns, in order, must be the model's
 * (nothing lost, nothing twice), its held messages and calls as many as the model holds; at the end the skipped batch numbers
 * and restarts must be the model's counts. One application serves a property's tries, each world in rooms of its
 * own. {@link SequencerPropertyTest} runs many more worlds without a database.
 */
abstract class WebinatoOrderPropertyTests {

    private static final String URL = "/webhooks/room-42?token=demo-token";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final AtomicInteger WORLDS = new AtomicInteger();

    private TestApp app;
    /** Turns seen by the probes of applications since restarted, per conversation. */
    private final Map<String, List<String>> before = new HashMap<>();

    abstract Database database();

    @BeforeProperty
    void start() {
        app = TestApp.on(database())
                .with("test.turn-probe", "true")
                .with("test.clock", "true")
                .with("hookbot.sequencer.gap-timeout", OrderWorld.TIMEOUT + "s")
                .with("hookbot.dispatcher.poll-interval", "100ms")
                .with(TestChannel.webinato("room-42").token("demo-token"))
                .start();
    }

    @AfterProperty
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property
    void theApplicationTurnsWhatTheModelTurns(@ForAll("worlds") OrderWorld world) {
        String prefix = "w" + WORLDS.incrementAndGet() + "-";
        List<WebinatoOrderModel> models = new ArrayList<>();
        world.rooms().forEach(r -> models.add(new WebinatoOrderModel(OrderWorld.TIMEOUT)));
        for (int round = 0; round < world.rounds(); round++) {
            for (int room = 0; room < models.size(); room++) {
                for (Call call : world.rooms().get(room).get(round).calls()) {
                    models.get(room).deliver(call, TestClock.now().getEpochSecond());
                    HttpResponse<String> response = app.postTo(URL, FORM, OrderWorld.form(prefix + room, call));
                    assertEquals(200, response.statusCode(), response.body());
                }
            }
            settle(prefix, models, "round " + round);
            OrderWorld.Global global = world.globals().get(round);
            if (global == OrderWorld.Global.APP_RESTART) {
                app.context().getBean(TurnProbe.class).seen().forEach((k, v) ->
                        before.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
                app.restart();
            } else if (global != OrderWorld.Global.NOTHING) {
                Instant now = TestClock.now().plusSeconds(OrderWorld.seconds(global));
                TestClock.set(now);
                models.forEach(m -> m.advance(now.getEpochSecond()));
                settle(prefix, models, global + " after round " + round);
            }
        }
        for (int room = 0; room < models.size(); room++) {
            WebinatoOrderModel model = models.get(room);
            assertEquals(SequencerPropertyTest.distinctMessages(world, room), new HashSet<>(model.turned()),
                    "the model loses nothing");
            assertEquals(model.turned().size(), new HashSet<>(model.turned()).size(), "the model turns nothing twice");
            String conversation = "'room:" + prefix + room + "'";
            // the probe sees a turn before its transaction (and the counters) commit
            String counters = "SELECT skipped * 1000 + restarts FROM sequence_state WHERE conversation_key = "
                    + conversation;
            long expected = model.skipped() * 1000 + model.restarts();
            try {
                Eventually.await("the counters of room " + room + " committed", () -> app.count(counters) == expected);
            } catch (AssertionError e) {
                long actual = app.count(counters);
                assertEquals(model.skipped() + " skipped, " + model.restarts() + " restarts",
                        actual / 1000 + " skipped, " + actual % 1000 + " restarts", "room " + room);
            }
        }
    }

    @Provide
    Arbitrary<OrderWorld> worlds() {
        return OrderWorld.worlds(8, true);
    }

    /** Waits until every room has turned as much as its model and nothing of it is pending; then compares. */
    private void settle(String prefix, List<WebinatoOrderModel> models, String when) {
        // the probe sees a turn before its transaction commits: wait for the held counts as well
        Eventually.await("the rooms turned and held as the model did, " + when, Duration.ofSeconds(10), () -> {
            for (int room = 0; room < models.size(); room++) {
                if (turned(prefix + room).size() < models.get(room).turned().size()
                        || held(prefix + room, "message") != models.get(room).held()
                        || held(prefix + room, "batch") != models.get(room).heldCalls()) {
                    return false;
                }
            }
            return app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'PENDING' AND conversation_key LIKE "
                    + "'room:" + prefix + "%'") == 0;
        });
        for (int room = 0; room < models.size(); room++) {
            assertEquals(models.get(room).turned(), turned(prefix + room), "room " + room + " after " + when);
        }
    }

    /** @return the room's held messages ({@code message}) or calls ({@code batch}: one marker per call) */
    private long held(String room, String type) {
        return app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'HELD' AND event_type = '" + type + "' "
                + "AND conversation_key = 'room:" + room + "'");
    }

    private List<String> turned(String room) {
        String conversation = "room:" + room;
        List<String> all = new ArrayList<>(before.getOrDefault(conversation, List.of()));
        List<String> now = app.context().getBean(TurnProbe.class).seen().get(conversation);
        if (now != null) {
            synchronized (now) {
                all.addAll(now);
            }
        }
        return all;
    }
}
