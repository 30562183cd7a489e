package io.hookbot.channel;

import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the sender for a channel: its platform's sender when configured, the dry-run {@link LogSender} otherwise. */
@Singleton
public class SenderRegistry {

    private final ChannelRegistry channels;
    private final Map<String, Sender> senders = new ConcurrentHashMap<>();
    private final LogSender dryRun = new LogSender();

    public SenderRegistry(ChannelRegistry channels) {
        this.channels = channels;
    }

    /**
     * @param channelName a channel name
     * @return its sender; for a channel that is no longer configured, one that asks for a retry, so its
     *         replies wait (and end as dead letters) rather than being dropped
     */
    public Sender senderFor(String channelName) {
        return senders.computeIfAbsent(channelName, name -> channels.find(name)
                .map(channel -> channels.platformOf(channel).sender(channel).orElse(dryRun))
                .orElse(message -> new SendResult.Retry("channel " + name + " is not configured", null)));
    }
}
