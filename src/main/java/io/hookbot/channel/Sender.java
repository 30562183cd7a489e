package io.hookbot.channel;

/**
 * Sends replies through one channel's platform API. Called from the delivery workers' threads, so it may block;
 * it must not throw for anything the platform answers, but classify it as a {@link SendResult}.
 */
public interface Sender {

    /**
     * @param message the message to send
     * @return whether it went out, may be retried, or failed for good
     */
    SendResult send(OutboundMessage message);
}
