package io.hookbot.channel;

import io.hookbot.config.SettingException;

/** A channel is configured wrongly; the message names the setting. Thrown at startup, so the bot never half-runs. */
public class ChannelConfigException extends SettingException {

    /** @param message what is wrong, naming the full setting key */
    public ChannelConfigException(String message) {
        super(message);
    }
}
