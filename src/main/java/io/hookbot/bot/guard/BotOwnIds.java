package io.hookbot.bot.guard;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ids each channel knows as the bot's own, from {@code hookbot.channels.<name>.self}: the phone number of the
 * gateway's SIM, the bot's MQTT chat user id, the Yalgaar uuid it publishes with. A comma-separated text or a list.
 * An event whose sender has one of them is the bot hearing itself.
 */
@Singleton
public class BotOwnIds {

    private final Map<String, Set<String>> byChannel;

    public BotOwnIds(ChannelRegistry channels) {
        this.byChannel = channels.all().stream().collect(Collectors.toUnmodifiableMap(ChannelConfig::name,
                channel -> ids(channel.setting("self").orElse(""))));
    }

    /**
     * @param channel a channel name
     * @return its own ids; empty when none are configured
     */
    public Set<String> of(String channel) {
        return byChannel.getOrDefault(channel, Set.of());
    }

    /**
     * @param setting the setting's text: {@code a,b} or, from a YAML list, {@code [a, b]}
     * @return the ids in it
     */
    static Set<String> ids(String setting) {
        String text = setting.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
