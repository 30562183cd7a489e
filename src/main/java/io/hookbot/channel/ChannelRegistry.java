package io.hookbot.channel;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The configured channels, read once at startup from {@code hookbot.channels.<name>.*} and validated by their
 * platforms, so a misconfigured channel stops the bot at startup with the setting's name rather than failing
 * on the first webhook.
 *
 * <p>Only entries with a {@code platform} setting are channels. That also makes environment variables safe:
 * Micronaut reads {@code HOOKBOT_CHANNELS_SMS_MAIN_SECRET} as every mix of dots and hyphens
 * ({@code sms.main.secret}, {@code sms-main.secret}…), and only the reading that lands next to a
 * {@code platform} key names a channel.
 */
@Context
public class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);
    private static final String PREFIX = "hookbot.channels";

    private final Map<String, Platform> platforms;
    private final Map<String, ChannelConfig> channels;

    public ChannelRegistry(Environment environment, List<Platform> platforms) {
        this.platforms = platforms.stream().collect(Collectors.toMap(Platform::id, Function.identity()));
        this.channels = read(environment);
        channels.values().forEach(channel -> platformOf(channel).validate(channel));
        channels.values().forEach(channel ->
                LOG.info("Channel {} ({}) receives webhooks at /webhooks/{}", channel.name(), channel.platform(), channel.name()));
    }

    private Map<String, ChannelConfig> read(Environment environment) {
        Map<String, ChannelConfig> result = new TreeMap<>();
        for (String name : environment.getPropertyEntries(PREFIX)) {
            Map<String, Object> raw = environment.getProperties(PREFIX + "." + name, StringConvention.RAW);
            Object platform = raw.get("platform");
            if (platform == null) {
                continue;
            }
            Map<String, String> settings = new TreeMap<>();
            raw.forEach((key, value) -> {
                if (!key.equals("platform") && value != null) {
                    settings.put(key, String.valueOf(value));
                }
            });
            ChannelConfig channel = new ChannelConfig(name, platform.toString(), settings);
            if (!platforms.containsKey(channel.platform())) {
                throw new ChannelConfigException(PREFIX + "." + name + ".platform is '" + platform
                        + "'; known platforms: " + String.join(", ", new TreeMap<>(platforms).keySet()));
            }
            result.put(name, channel);
        }
        return result;
    }

    /**
     * @param name a channel name
     * @return the channel, if configured
     */
    public Optional<ChannelConfig> find(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** @return every configured channel */
    public Collection<ChannelConfig> all() {
        return channels.values();
    }

    /**
     * @param channel a configured channel
     * @return its platform
     */
    public Platform platformOf(ChannelConfig channel) {
        return platforms.get(channel.platform());
    }
}
