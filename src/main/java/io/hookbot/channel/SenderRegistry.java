package io.hookbot.channel;

import io.micronaut.context.annotation.Context;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the sender for a channel: a sender any channel may have ({@link AnyChannelSender}: the generic HTTP sender,
 * when it has {@code send.http.url}, whatever its platform), otherwise the one its platform gives ({@link Platform#sender}), otherwise the dry-run
 * {@link LogSender}. The generic sender is chosen here and not by each platform because it is a setting every
 * channel may have, like {@code send.rate}: a platform with an API of its own need not know it exists. Every sender
 * is made at startup, so a wrong send setting stops the bot with the setting's name, and a connection a sender
 * keeps (Yalgaar's MQTT) is made before the first reply needs it.
 */
@Context
public class SenderRegistry {

    private final ChannelRegistry channels;
    private final List<AnyChannelSender> anyChannelSenders;
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();
    private final LogSender dryRun = new LogSender();

    public SenderRegistry(ChannelRegistry channels, List<AnyChannelSender> anyChannelSenders) {
        this.channels = channels;
        this.anyChannelSenders = anyChannelSenders;
        for (ChannelConfig channel : channels.all()) {
            senders.put(channel.name(), make(channel));
        }
    }

    private Sender make(ChannelConfig channel) {
        for (AnyChannelSender sender : anyChannelSenders) {
            if (sender.configured(channel)) {
                return sender.make(channel);
            }
        }
        return channels.platformOf(channel).sender(channel).orElse(dryRun);
    }

    /**
     * @param channelName a channel name
     * @return its sender; for a channel that is no longer configured, one that asks for a retry, so its
     *         replies wait (and end as dead letters) rather than being dropped
     */
    public Sender senderFor(String channelName) {
        return senders.computeIfAbsent(channelName, name -> channels.find(name).map(this::make)
                .orElse(message -> new SendResult.Retry("channel " + name + " is not configured", null)));
    }
}
