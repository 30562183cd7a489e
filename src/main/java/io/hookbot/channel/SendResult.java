package io.hookbot.channel;

import java.time.Duration;

/** How a send attempt ended. {@link SendResults} turns an HTTP status into the right one. */
public sealed interface SendResult {

    /**
     * The platform accepted the message.
     *
     * @param reference the platform's id for it, or {@code null}
     */
    record Sent(String reference) implements SendResult {
    }

    /**
     * It may work later (timeout, connection error, 408, 429, 5xx).
     *
     * @param status     the status the platform gave, or 0 when there was no answer (timeout, connection error)
     * @param error      what went wrong
     * @param retryAfter how long the platform asked us to wait, or {@code null}
     */
    record Retry(int status, String error, Duration retryAfter) implements SendResult {

        /**
         * A retry without a status (no answer from the platform).
         *
         * @param error      what went wrong
         * @param retryAfter how long the platform asked us to wait, or {@code null}
         */
        public Retry(String error, Duration retryAfter) {
            this(0, error, retryAfter);
        }
    }

    /**
     * It will not work by trying again (any other 4xx, including a 4xx status in a gateway's 200 body).
     *
     * @param status the status the platform gave, or 0
     * @param error  what went wrong
     */
    record Failed(int status, String error) implements SendResult {
    }

    /**
     * The platform refused our credentials (401 or 403). Nothing sent on this channel can work until an operator
     * fixes its key, so the channel is paused and this message waits rather than failing.
     *
     * @param status 401 or 403
     * @param error  what the platform said
     */
    record Unauthorized(int status, String error) implements SendResult {
    }
}
