package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.Reply;
import io.hookbot.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Isolation of one plugin call: each way of misbehaving is cut off, counted, and answered with no actions. */
class PluginRunnerTest {

    private final PluginFailures failures = new PluginFailures();
    private final CountDownLatch release = new CountDownLatch(1);
    private PluginRunner runner = new PluginRunner(Duration.ofMillis(200), 2, failures);

    @AfterEach
    void stop() {
        release.countDown();
        runner.close();
    }

    @Test
    void aWellBehavedPluginsActionsComeBack() {
        assertEquals(List.of(Reply.text("shipped")),
                runner.call(TestPlugins.replying("orders", "shipped"), TestPlugins.turn(1, "order 1")));
        assertEquals(0, failures.count("orders"));
    }

    @Test
    void aPluginThatThrowsIsCutOffAndCounted() {
        assertEquals(List.of(), runner.call(TestPlugins.throwing("orders"), TestPlugins.turn(1, "order 1")));
        assertEquals(1, failures.count("orders", PluginFailures.Kind.THREW));
    }

    @Test
    void aNullAnswerIsCutOffAsInvalid() {
        assertEquals(List.of(), runner.call(TestPlugins.returningNull("orders"), TestPlugins.turn(1, "order 1")));
        assertEquals(1, failures.count("orders", PluginFailures.Kind.INVALID));
    }

    @Test
    void aNullActionSpoilsTheWholeAnswer() {
        assertEquals(List.of(), runner.call(TestPlugins.returningNullAction("orders"), TestPlugins.turn(1, "x")));
        assertEquals(1, failures.count("orders", PluginFailures.Kind.INVALID));
    }

    @Test
    void aQuarantinedPluginThatOverrunsItsBudgetIsAbandonedAndTheCallerGoesOn() {
        TestPlugins.overrunOnce(runner, "slow");
        // it now runs on a plugin thread, where ignoring the interrupt keeps that thread, not the caller
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertEquals(List.of(), runner.call(TestPlugins.hanging("slow", release), TestPlugins.turn(1, "x")));
        });
        assertEquals(2, failures.count("slow", PluginFailures.Kind.TIMED_OUT), "the overrun that quarantined it, and this");
        assertEquals(List.of(Reply.text("ok")), runner.call(TestPlugins.replying("fast", "ok"), TestPlugins.turn(2, "x")),
                "other plugins still run while the hung one holds a thread");
    }

    @Test
    void quarantinedCallsRunOnAPluginThreadAndAreCutOffTheSameWays() {
        TestPlugins.overrunOnce(runner, "where");
        TestPlugins.overrunOnce(runner, "orders");
        Thread caller = Thread.currentThread();

        assertEquals(List.of(Reply.text("other")), runner.call(TestPlugins.plugin("where",
                turn -> List.of(Reply.text(Thread.currentThread() == caller ? "same thread" : "other"))),
                TestPlugins.turn(1, "x")));
        assertEquals(List.of(), runner.call(TestPlugins.throwing("orders"), TestPlugins.turn(2, "x")));
        assertEquals(List.of(), runner.call(TestPlugins.returningNull("orders"), TestPlugins.turn(3, "x")));
        assertEquals(1, failures.count("orders", PluginFailures.Kind.THREW));
        assertEquals(1, failures.count("orders", PluginFailures.Kind.INVALID));
    }

    @Test
    void aCallThatOverrunsIsInterruptedItsLateAnswerDroppedAndTheInterruptCleared() {
        runner.close();
        runner = new PluginRunner(Duration.ofMillis(100), 1, failures);
        // waits politely: the watchdog's interrupt ends the wait, and the plugin answers anyway, too late
        List<io.hookbot.api.Action> answer = assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                runner.call(TestPlugins.plugin("slow", turn -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        return List.of(Reply.text("interrupted, answering late"));
                    }
                    return List.of(Reply.text("released"));
                }), TestPlugins.turn(1, "x")));

        assertEquals(List.of(), answer);
        assertEquals(1, failures.count("slow", PluginFailures.Kind.TIMED_OUT));
        assertEquals(false, Thread.currentThread().isInterrupted(), "the turn's thread is not left interrupted");
    }

    @Test
    void whenHungPluginsFillEveryThreadAndTheQueueFurtherCallsAreCutOffAtOnce() {
        runner.close();
        runner = new PluginRunner(Duration.ofMillis(50), 1, failures);
        TestPlugins.overrunOnce(runner, "slow");
        TestPlugins.overrunOnce(runner, "fast");
        // one hung call holds the only thread, a second waits in the queue (of one); the third finds no room
        runner.call(TestPlugins.hanging("slow", release), TestPlugins.turn(1, "x"));
        runner.call(TestPlugins.hanging("slow", release), TestPlugins.turn(2, "x"));

        assertEquals(List.of(), runner.call(TestPlugins.replying("fast", "ok"), TestPlugins.turn(3, "x")));
        assertEquals(1, failures.count("fast", PluginFailures.Kind.BUSY));
        assertEquals(1 + 2, failures.count("slow", PluginFailures.Kind.TIMED_OUT));
    }

    @Test
    void aWellBehavedPluginRunsOnTheTurnsThreadAndIsNotQuarantined() {
        Thread caller = Thread.currentThread();

        assertEquals(List.of(Reply.text("same thread")), runner.call(TestPlugins.plugin("where",
                turn -> List.of(Reply.text(Thread.currentThread() == caller ? "same thread" : "other"))),
                TestPlugins.turn(1, "x")));
        assertEquals(Set.of(), runner.quarantined());
    }

    @Test
    void aPluginThatOverrunsIsQuarantinedSoItsLaterCallsRunOnPluginThreads() {
        runner.close();
        runner = new PluginRunner(Duration.ofMillis(100), 1, failures);
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        // overruns once (waits until interrupted), then answers at once
        BotPlugin slowOnce = TestPlugins.plugin("slow-once", turn -> {
            ranOn.set(Thread.currentThread());
            if (turn.id() == 1) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    return List.of(Reply.text("interrupted"));
                }
            }
            return List.of(Reply.text("quick"));
        });

        assertEquals(List.of(), assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> runner.call(slowOnce, TestPlugins.turn(1, "x"))));
        assertEquals(1, failures.count("slow-once", PluginFailures.Kind.TIMED_OUT));
        assertEquals(Set.of("slow-once"), runner.quarantined());

        assertEquals(List.of(Reply.text("quick")), runner.call(slowOnce, TestPlugins.turn(2, "x")));
        assertNotEquals(caller, ranOn.get(), "a quarantined plugin runs on a plugin thread");
        assertEquals(List.of(Reply.text("ok")), runner.call(TestPlugins.replying("fast", "ok"), TestPlugins.turn(3, "x")));
    }

    @Test
    void aTurnHeldByAPluginThatIgnoresTheInterruptIsAnnouncedAndItsLaterCallsAreCutOffAfterTheBudget() throws Exception {
        runner.close();
        List<TurnHeldByPlugin> held = new CopyOnWriteArrayList<>();
        runner = new PluginRunner(Duration.ofMillis(100), 1, failures, held::add);
        BotPlugin hanging = TestPlugins.hanging("stuck", release);
        AtomicReference<List<Action>> heldAnswer = new AtomicReference<>();
        Thread turnThread = new Thread(() -> heldAnswer.set(runner.call(hanging, TestPlugins.turn(7, "x"))), "turn-7");
        turnThread.start();

        Eventually.await("the held turn announced", Duration.ofSeconds(5), () -> !held.isEmpty());
        assertEquals(new TurnHeldByPlugin("stuck", 7, turnThread), held.get(0));
        assertEquals(Set.of("stuck"), runner.quarantined());
        assertEquals(1, failures.count("stuck", PluginFailures.Kind.TIMED_OUT));
        // the next turn's call of it runs on a plugin thread and is cut off after the budget: this thread goes on
        assertEquals(List.of(), assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> runner.call(hanging, TestPlugins.turn(8, "x"))));
        assertEquals(2, failures.count("stuck", PluginFailures.Kind.TIMED_OUT));

        release.countDown();
        turnThread.join(5000);
        assertEquals(List.of(), heldAnswer.get(), "the late answer of the held call is dropped");
        assertEquals(1, held.size());
    }
}
