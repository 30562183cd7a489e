package io.hookbot.bot.plugins;

import io.hookbot.api.Action;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One plugin call run on a plugin thread while the turn's thread waits for it, at most until the call's deadline.
 * While it waits, the turn's thread also runs the presence queries the plugin asks ({@link #ask}): they read inside
 * the turn's transaction, which belongs to the turn's thread, so the plugin's thread hands them over and waits.
 * When the wait ends (answer or deadline), queries still queued or asked later fail.
 */
final class PluginThreadCall {

    /** Put in the queue by the plugin thread when the call has returned, to end the turn thread's wait. */
    private static final Runnable ANSWERED = () -> {
    };

    private final BlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
    private boolean over;

    /**
     * Runs the call on a plugin thread and waits for it, serving its queries meanwhile. On the turn's thread.
     *
     * @param executor the plugin threads
     * @param call     the call
     * @param budget   how long to wait, in nanoseconds
     * @return the call's answer
     * @throws RejectedExecutionException every plugin thread is busy and the queue full
     * @throws TimeoutException           the call overran; it has been cancelled (and its thread interrupted)
     * @throws ExecutionException         the call threw
     * @throws InterruptedException       the turn's thread was interrupted
     */
    List<Action> run(ExecutorService executor, Callable<List<Action>> call, long budget)
            throws TimeoutException, ExecutionException, InterruptedException {
        Future<List<Action>> future = executor.submit(() -> {
            try {
                return call.call();
            } finally {
                work.add(ANSWERED);
            }
        });
        long deadline = System.nanoTime() + budget;
        try {
            while (true) {
                Runnable next = work.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == ANSWERED || future.isDone()) {
                    return future.get();
                }
                if (next == null) {
                    future.cancel(true);
                    throw new TimeoutException();
                }
                next.run();
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } finally {
            end();
        }
    }

    /**
     * Runs a query on the turn's thread and waits for its result. On the plugin's thread, during the call.
     *
     * @param query the query
     * @param <T>   its result
     * @return its result
     * @throws IllegalStateException the turn no longer waits for this call
     */
    <T> T ask(Supplier<T> query) {
        FutureTask<T> task = new FutureTask<>(query::get);
        synchronized (this) {
            if (over) {
                throw new IllegalStateException("the turn went on without this plugin call; it cannot ask any more");
            }
            work.add(task);
        }
        try {
            return task.get();
        } catch (CancellationException e) {
            throw new IllegalStateException("the turn went on without this plugin call (it ran past its budget)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a presence query", e);
        }
    }

    private void end() {
        synchronized (this) {
            over = true;
        }
        for (Runnable left : work) {
            if (left instanceof FutureTask<?> task) {
                task.cancel(false);
            }
        }
        work.clear();
    }
}
