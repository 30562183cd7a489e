package io.hookbot.worker;

import ch.qos.logback.classic.Level;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Supervisor} and {@link Worker}: a step that throws anything, errors included, is run again after a backoff
 * and the thread never ends; each distinct error is logged once, without the values a database error carries; the
 * worker shows as failing until a round succeeds, and as stuck while a round runs too long.
 */
class WorkerTest {

    private final Supervisor supervisor = new Supervisor(Duration.ofMillis(5), Duration.ofMillis(40));
    private Worker worker;

    @AfterEach
    void stop() throws InterruptedException {
        if (worker != null) {
            worker.stop();
            assertTrue(worker.join(Duration.ofSeconds(5)), "the worker ends when stopped");
        }
    }

    @Test
    void aStepThatThrowsAnythingIsRunAgainAndTheWorkerRecovers() {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger good = new AtomicInteger();
        try (LogCapture log = new LogCapture(Worker.class)) {
            worker = supervisor.loop("flaky", null, () -> {
                int round = rounds.incrementAndGet();
                if (round <= 3) {
                    throw new SQLTransientConnectionException("connection to 10.0.0.1 lost", "08006");
                }
                if (round <= 5) {
                    throw new StackOverflowError();
                }
                good.incrementAndGet();
                Thread.sleep(1);
            });
            Eventually.await("good rounds after the failures", () -> good.get() >= 3);

            assertTrue(worker.alive());
            assertTrue(worker.failure().isEmpty(), "a good round clears the failure");
            assertEquals(5, worker.restarts());
            assertEquals(2, log.at(Level.ERROR).size(), "each distinct error once: " + log.at(Level.ERROR));
            assertTrue(log.at(Level.ERROR).get(0).contains("SQLTransientConnectionException (SQLState 08006)"),
                    log.at(Level.ERROR).get(0));
            assertFalse(log.at(Level.ERROR).get(0).contains("10.0.0.1"), "a database error's message stays out");
            assertTrue(log.at(Level.INFO).stream().anyMatch(line -> line.startsWith("flaky recovered after")),
                    log.at(Level.INFO).toString());
        }
    }

    @Test
    void aWorkerThatKeepsFailingShowsItsErrorUntilItRecoversAndBacksOff() {
        AtomicInteger rounds = new AtomicInteger();
        boolean[] broken = {true};
        worker = supervisor.loop("broken", null, () -> {
            rounds.incrementAndGet();
            if (broken[0]) {
                throw new SQLException("value 'secret text' too long", "22001");
            }
            Thread.sleep(1);
        });
        Eventually.await("a few failures", () -> rounds.get() >= 5);
        Worker.Failure failure = worker.failure().orElseThrow();
        assertTrue(failure.count() >= 5);
        assertTrue(failure.error().startsWith("SQLException (SQLState 22001)"), failure.error());
        assertFalse(failure.error().contains("secret text"));

        long before = rounds.get();
        Eventually.await("backing off at the longest pause", () -> rounds.get() >= before + 3);
        broken[0] = false;
        Eventually.await("recovered", () -> worker.failure().isEmpty());
    }

    @Test
    void aPeriodicWorkerRunsEverySoOftenAndAFailedRoundIsRetriedSoonerThanTheInterval() {
        AtomicInteger rounds = new AtomicInteger();
        worker = supervisor.every("periodic", Duration.ZERO, Duration.ofHours(1), null, () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("first round fails");
            }
        });
        Eventually.await("the failed first round run again after the backoff, not after an hour",
                () -> rounds.get() == 2);
        assertTrue(worker.failure().isEmpty());
        worker.wake();
        Eventually.await("woken for a round now", () -> rounds.get() == 3);
    }

    @Test
    void aRoundThatRunsTooLongShowsAsStuckAndAnOwnerReportedFailureIsClearedByOk() {
        Object release = new Object();
        boolean[] released = {false};
        AtomicInteger rounds = new AtomicInteger();
        worker = supervisor.loop("slow", Duration.ofMillis(20), () -> {
            rounds.incrementAndGet();
            synchronized (release) {
                while (!released[0]) {
                    release.wait(10);
                }
            }
            Thread.sleep(1);
        });
        Eventually.await("stuck", () -> worker.stuckFor(System.nanoTime()).isPresent());
        synchronized (release) {
            released[0] = true;
        }
        Eventually.await("no longer stuck", () -> worker.stuckFor(System.nanoTime()).isEmpty());

        worker.failed(new SQLException("down", "08001"));
        assertTrue(worker.failure().isPresent());
        assertTrue(worker.failure().orElseThrow().error().contains("08001"));
        int now = rounds.get();
        Eventually.await("good rounds", () -> rounds.get() >= now + 3);
        assertTrue(worker.failure().isPresent(), "good rounds leave a failure the owner reported: the owner clears it");
        worker.ok();
        assertTrue(worker.failure().isEmpty());
    }

    @Test
    void stopEndsTheLoopWithoutInterruptingARound() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        worker = supervisor.loop("calm", null, () -> {
            rounds.incrementAndGet();
            long until = System.nanoTime() + 20_000_000;
            while (System.nanoTime() < until) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.incrementAndGet();
                }
            }
        });
        Eventually.await("running", () -> rounds.get() >= 1);
        worker.stop();
        assertTrue(worker.join(Duration.ofSeconds(5)));
        assertEquals(0, interrupted.get());
        assertFalse(worker.alive());
        worker = null;
    }
}
