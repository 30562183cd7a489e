package io.hookbot.inbox.journal;

import io.hookbot.worker.SafeErrors;

/**
 * The inbox table refused a webhook's data for good (a data exception, SQLState class 22 or 23), so retrying the
 * same call cannot succeed: it is answered with a 4xx and nothing of it is stored. The edge checks should make
 * this unreachable; it is the answer when one is missing.
 */
public class UnstorableEventsException extends RuntimeException {

    /** @param cause the database's refusal */
    public UnstorableEventsException(Throwable cause) {
        super("the database refused this call's data (" + SafeErrors.describe(cause) + ")", cause);
    }
}
