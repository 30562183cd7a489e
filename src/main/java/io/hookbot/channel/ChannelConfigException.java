package io.hookbot.channel;

/** A channel is configured wrongly; the message names the setting. Thrown at startup, so the bot never half-runs. */
public class ChannelConfigException extends RuntimeException {

    /** @param message what is wrong, naming the full setting key */
    public ChannelConfigException(String message) {
        super(message);
    }
}
