package io.hookbot.channel;

/**
 * A sender any channel may be given by settings of its own, whatever its platform (the generic HTTP sender's
 * {@code send.http.*}, in {@code channel.http}). Where a channel has it configured, it is chosen before the
 * platform's own sender ({@link SenderRegistry}); its settings are known to every channel ({@link ChannelRegistry}).
 * A bean, so that this package names no implementation of it.
 */
public interface AnyChannelSender {

    /** @return the settings it reads, relative to {@code hookbot.channels.<name>.} */
    ChannelKeys settingKeys();

    /**
     * @param channel a channel
     * @return whether the channel's settings ask for this sender
     */
    boolean configured(ChannelConfig channel);

    /**
     * @param channel a channel it is {@link #configured} for
     * @return its sender
     * @throws ChannelConfigException naming the setting that is wrong
     */
    Sender make(ChannelConfig channel);
}
