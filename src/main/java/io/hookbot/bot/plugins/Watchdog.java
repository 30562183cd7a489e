package io.hookbot.bot.plugins;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches plugin calls made on the turn's own thread ({@code hookbot.plugins.isolation: inline}): a call still
 * running past its deadline has its thread interrupted once. Starting and ending a watch costs a set insertion and
 * removal, far less than handing the call to another thread.
 */
final class Watchdog implements AutoCloseable {

    /** One call being watched; its monitor orders "interrupted" against "done", so a finished turn is never hit. */
    static final class Call {
        private final Thread thread;
        private final long deadline;
        private boolean done;
        private boolean overran;

        Call(Thread thread, long deadline) {
            this.thread = thread;
            this.deadline = deadline;
        }
    }

    private final long budgetNanos;
    private final Set<Call> calls = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    Watchdog(Duration budget) {
        this.budgetNanos = budget.toNanos();
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugin-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, Math.min(100, budget.toMillis() / 10));
        timer.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
    }

    Call watch(Thread thread) {
        Call call = new Call(thread, System.nanoTime() + budgetNanos);
        calls.add(call);
        return call;
    }

    /**
     * Ends a watch. Clears an interrupt the watchdog sent, so it never reaches the turn's database work.
     *
     * @return whether the call overran its budget
     */
    boolean done(Call call) {
        calls.remove(call);
        boolean overran;
        synchronized (call) {
            call.done = true;
            overran = call.overran || System.nanoTime() - call.deadline > 0;
        }
        if (call.overran) {
            Thread.interrupted();
        }
        return overran;
    }

    private void check() {
        long now = System.nanoTime();
        for (Call call : calls) {
            if (now - call.deadline > 0) {
                synchronized (call) {
                    if (!call.done && !call.overran) {
                        call.overran = true;
                        call.thread.interrupt();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
