package io.hookbot.outbox;

/** How one send attempt ended, as kept in the attempt history ({@code outbox_attempt.outcome}). */
public enum AttemptOutcome {
    /** The platform accepted the reply. */
    SENT,
    /** A timeout, connection error, 408, 429 or 5xx; the row will be tried again. */
    RETRY,
    /** Any other 4xx: retrying cannot help; the row is dead-lettered. */
    REFUSED,
    /** Retryable, but it was the last attempt allowed; the row is dead-lettered. */
    EXHAUSTED,
    /** 401/403: the channel was paused and the row waits for it to be resumed. Not counted as an attempt. */
    PAUSED
}
