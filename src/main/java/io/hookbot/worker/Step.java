package io.hookbot.worker;

/** One round of a worker's loop. It may throw anything: the supervisor logs it and runs the step again later. */
@FunctionalInterface
public interface Step {

    /**
     * Runs one round: waits a little for work (a bounded wait, so that a stop is noticed), does it, returns.
     *
     * @throws Exception whatever went wrong; the worker is then failing until a round succeeds
     */
    void run() throws Exception;
}
