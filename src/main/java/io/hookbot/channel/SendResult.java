package io.hookbot.channel;

import java.time.Duration;

/** How a send attempt ended. */
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
     * @param error      what went wrong
     * @param retryAfter how long the platform asked us to wait, or {@code null}
     */
    record Retry(String error, Duration retryAfter) implements SendResult {
    }

    /**
     * It will not work by trying again (any other 4xx, including a 4xx status in a gateway's 200 body).
     *
     * @param status the status the platform gave, or 0
     * @param error  what went wrong
     */
    record Failed(int status, String error) implements SendResult {
    }
}
