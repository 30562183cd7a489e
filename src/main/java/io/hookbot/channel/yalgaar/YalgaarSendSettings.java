package io.hookbot.channel.yalgaar;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Yalgaar channel's {@code send.*} settings for publishing replies over MQTT, read and checked once at startup.
 *
 * <ul>
 *   <li>{@code send.broker-url} (required to reply): {@code tcp://host:1883}, {@code ssl://host:8883},
 *       {@code ws://…} or {@code wss://…}.</li>
 *   <li>{@code send.client-key}: the project's client key for the topic; default the channel's {@code client-key}
 *       (the one its webhooks carry).</li>
 *   <li>{@code send.topic}: the topic pattern, default {@code {clientKey}/{channel}}; {@code {channel}} (the
 *       Yalgaar channel being answered) is required, {@code {clientKey}} optional, MQTT wildcards are not
 *       allowed.</li>
 *   <li>{@code send.username}, {@code send.password}: MQTT credentials, when the broker asks for them.</li>
 *   <li>{@code send.client-id}: the MQTT client id; default {@code hookbot-<channel>-<random>}, different in each
 *       process, because a broker drops the older of two connections with one id (two instances would take
 *       turns throwing each other off).</li>
 *   <li>{@code send.timeout} (default 10s): for connecting and for the broker's PUBACK.</li>
 * </ul>
 *
 * @param brokerUrl the broker
 * @param clientKey the client key, for the topic
 * @param topic     the topic pattern
 * @param username  the MQTT user name, or {@code null}
 * @param password  the MQTT password, or {@code null}
 * @param clientId  the MQTT client id
 * @param timeout   how long to wait to connect, and for a PUBACK
 */
public record YalgaarSendSettings(String brokerUrl, String clientKey, String topic, String username,
                                  String password, String clientId, Duration timeout) {

    /** The setting that turns the MQTT sender on. */
    static final String BROKER_URL = "send.broker-url";

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    /**
     * @param channel a Yalgaar channel
     * @return whether it has a broker to publish replies to
     */
    static boolean configured(ChannelConfig channel) {
        return channel.setting(BROKER_URL).isPresent();
    }

    /**
     * @param channel a Yalgaar channel with {@code send.broker-url}
     * @return its settings
     * @throws ChannelConfigException naming the first wrong setting
     */
    static YalgaarSendSettings of(ChannelConfig channel) {
        String broker = channel.require(BROKER_URL).trim();
        if (!isBrokerUrl(broker)) {
            throw error(channel, BROKER_URL, "must be an MQTT broker URL such as tcp://host:1883 or ssl://host:8883, not '"
                    + broker + "'");
        }
        String clientKey = channel.setting("send.client-key").or(() -> channel.setting("client-key"))
                .orElseThrow(() -> error(channel, "send.client-key", "is required (or the channel's client-key)"));
        String topic = channel.setting("send.topic").orElse("{clientKey}/{channel}").trim();
        checkTopic(channel, topic);
        String username = channel.setting("send.username").orElse(null);
        String password = channel.setting("send.password").orElse(null);
        if (password != null && username == null) {
            throw error(channel, "send.password", "is set without send.username; MQTT sends a password only with a user name");
        }
        String clientId = channel.setting("send.client-id").orElseGet(() -> "hookbot-" + channel.name() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
        Duration timeout = channel.duration("send.timeout", Duration.ofSeconds(10));
        if (timeout.isNegative() || timeout.isZero()) {
            throw error(channel, "send.timeout", "must be longer than zero");
        }
        return new YalgaarSendSettings(broker, clientKey, topic, username, password, clientId, timeout);
    }

    /**
     * @param yalgaarChannel the Yalgaar channel to publish to, as a message's {@code replyTo.channel} names it
     * @return the MQTT topic
     * @throws IllegalArgumentException if the name cannot be part of a topic (empty, or a wildcard in it)
     */
    String topicFor(String yalgaarChannel) {
        if (yalgaarChannel == null || yalgaarChannel.isEmpty()) {
            throw new IllegalArgumentException("the reply names no Yalgaar channel (replyTo.channel is empty)");
        }
        if (yalgaarChannel.contains("+") || yalgaarChannel.contains("#") || yalgaarChannel.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the Yalgaar channel '" + yalgaarChannel
                    + "' contains an MQTT wildcard (+ or #) or a NUL, and cannot be published to");
        }
        return topic.replace("{clientKey}", clientKey).replace("{channel}", yalgaarChannel);
    }

    private static void checkTopic(ChannelConfig channel, String topic) {
        Matcher placeholders = PLACEHOLDER.matcher(topic);
        boolean hasChannel = false;
        while (placeholders.find()) {
            switch (placeholders.group(1)) {
                case "channel" -> hasChannel = true;
                case "clientKey" -> {
                }
                default -> throw error(channel, "send.topic", "has the unknown placeholder '" + placeholders.group()
                        + "'; known: {clientKey}, {channel}");
            }
        }
        if (!hasChannel) {
            throw error(channel, "send.topic", "must contain {channel}, the Yalgaar channel being answered, not '"
                    + topic + "'");
        }
        if (topic.contains("+") || topic.contains("#")) {
            throw error(channel, "send.topic", "must not contain the MQTT wildcards + or #: '" + topic + "'");
        }
    }

    private static boolean isBrokerUrl(String value) {
        try {
            URI uri = URI.create(value);
            return uri.getScheme() != null && SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ChannelConfigException error(ChannelConfig channel, String key, String problem) {
        return new ChannelConfigException("hookbot.channels." + channel.name() + "." + key + " " + problem);
    }

    /** Leaves the password out, so settings can be logged. */
    @Override
    public String toString() {
        return "YalgaarSendSettings[brokerUrl=" + brokerUrl + ", topic=" + topic + ", username=" + username
                + ", clientId=" + clientId + ", timeout=" + timeout + "]";
    }
}
