package io.hookbot.channel;

import io.hookbot.config.Spelling;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The configured channels, read once at startup from {@code hookbot.channels.<name>.*} and validated by their
 * platforms, so a misconfigured channel stops the bot at startup with the setting's name rather than failing
 * on the first webhook.
 *
 * <p>Only entries with a {@code platform} setting are channels. Each channel's settings are the keys its platform
 * declares ({@link Platform#settingKeys()}) and those every channel may have, each asked of the environment by its
 * full name: that is how Micronaut finds a setting in an environment variable
 * ({@code HOOKBOT_CHANNELS_SMS_MAIN_SECRET} answers {@code hookbot.channels.sms-main.secret}), which reading the
 * channel's keys as a map does not see. A channel defined by environment variables alone is found by its
 * {@code HOOKBOT_CHANNELS_<NAME>_PLATFORM} variable ({@link EnvironmentVariableNames}). A key in a configuration
 * file or a system property that is none of the channel's settings stops the startup, with the closest one
 * ("did you mean"), as a rule file's would.
 *
 * <p>Why not Micronaut's {@code @EachProperty("hookbot.channels")}: it makes a bean per name the property sources
 * list, and environment variables list none, so a channel defined by them alone would not be served.
 */
@Context
public class ChannelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelRegistry.class);
    private static final String PREFIX = "hookbot.channels";
    /**
     * What any channel may have besides its platform's settings: {@code self} (the ids its messages go out under,
     * read by the guardrails), {@code send.rate} and {@code send.concurrency} (read by delivery's lanes), {@code opt-out.*}
     * (read and checked by the {@code optout} package's policies), and the
     * settings of every {@link AnyChannelSender} (the generic HTTP sender's {@code send.http.*}).
     */
    private static final ChannelKeys COMMON = ChannelKeys.of("platform", "self", "send.rate", "send.concurrency",
            "opt-out.enabled", "opt-out.scope", "opt-out.stop-words", "opt-out.start-words", "opt-out.help-words",
            "opt-out.stop-reply", "opt-out.start-reply", "opt-out.help-reply", "opt-out.confirm-with");

    private final Platforms platforms;
    private final ChannelKeys common;
    private final Map<String, ChannelConfig> channels;

    public ChannelRegistry(Environment environment, Platforms platforms, List<AnyChannelSender> anyChannelSenders) {
        this.platforms = platforms;
        ChannelKeys keys = COMMON;
        for (AnyChannelSender sender : anyChannelSenders) {
            keys = keys.plus(sender.settingKeys());
        }
        this.common = keys;
        this.channels = read(environment, new EnvironmentVariableNames(System.getenv()));
        channels.values().forEach(channel -> platformOf(channel).validate(channel));
        channels.values().forEach(channel ->
                LOG.info("Channel {} ({}) receives webhooks at /webhooks/{}", channel.name(), channel.platform(), channel.name()));
    }

    private Map<String, ChannelConfig> read(Environment environment, EnvironmentVariableNames variables) {
        Set<String> names = new TreeSet<>(environment.getPropertyEntries(PREFIX));
        names.addAll(variables.between(PREFIX + ".", ".platform"));
        Map<String, ChannelConfig> result = new TreeMap<>();
        for (String name : names) {
            String prefix = PREFIX + "." + name + ".";
            Optional<String> platformId = environment.getProperty(prefix + "platform", String.class);
            if (platformId.isEmpty() || platformId.get().isBlank()) {
                continue;
            }
            Platform platform = platforms.find(platformId.get().trim()).orElse(null);
            if (platform == null) {
                throw new ChannelConfigException(prefix + "platform is '" + platformId.get() + "'"
                        + Spelling.closest(platformId.get().trim(), platforms.ids(), 3)
                                .map(guess -> " (did you mean " + guess + "?)").orElse("")
                        + "; known platforms: " + String.join(", ", platforms.ids()));
            }
            ChannelKeys keys = platform.settingKeys().plus(common);
            result.put(name, new ChannelConfig(name, platform.id(),
                    settings(environment, variables, prefix, platform, keys)));
        }
        return result;
    }

    /**
     * The channel's settings: each known key asked of the environment by name (which is how environment variables
     * are found), each group's names from the configuration's own keys and the environment variables'; any other
     * key the configuration has is a mistake, refused with the closest known key.
     */
    private static Map<String, String> settings(Environment environment, EnvironmentVariableNames variables,
                                                String prefix, Platform platform, ChannelKeys keys) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : keys.keys()) {
            if (!key.equals("platform")) {
                environment.getProperty(prefix + key, String.class).ifPresent(value -> settings.put(key, value));
            }
        }
        Set<String> grouped = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        Map<String, Object> raw = environment.getProperties(prefix.substring(0, prefix.length() - 1),
                StringConvention.RAW);
        for (String key : raw.keySet()) {
            if (keys.group(key).isPresent()) {
                grouped.add(key);
            } else if (!keys.knows(key)) {
                unknown.add(key);
            }
        }
        for (String group : keys.groups()) {
            variables.between(prefix + group, "").forEach(name -> grouped.add(group + name));
        }
        for (String key : grouped) {
            environment.getProperty(prefix + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        if (!unknown.isEmpty()) {
            throw new ChannelConfigException(unknown.stream()
                    .map(key -> prefix + key + " is not a setting of platform " + platform.id()
                            + keys.closest(key).map(known -> " (did you mean " + known + "?)").orElse(""))
                    .collect(Collectors.joining("; ")) + ". A " + platform.id() + " channel's settings: "
                    + String.join(", ", listed(keys)));
        }
        return settings;
    }

    private static List<String> listed(ChannelKeys keys) {
        List<String> all = new ArrayList<>(new TreeSet<>(keys.keys()));
        keys.groups().stream().sorted().forEach(group -> all.add(group + "<name>"));
        return all;
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
        return platforms.find(channel.platform()).orElse(null);
    }
}
