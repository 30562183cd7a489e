package io.hookbot.channel.yalgaar;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.Platform;
import io.hookbot.channel.Sender;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code yalgaar} platform: Yalgaar's Presence and Message webhooks, JSON
 * {@code {"items":{"source":"Presence"|"Message","clientKey":…,"data":[…]}}}.
 *
 * <ul>
 *   <li>Presence entries {@code {channel, uuid, timestamp, action}}: a {@link io.hookbot.api.PresenceChanged} of
 *       user {@code uuid}, {@code bind} joined and {@code unbind} left, scoped to the Yalgaar channel, in the
 *       conversation {@code channel:<name>}.</li>
 *   <li>Message entries {@code {channel, uuid, timestamp, message}}: a {@link io.hookbot.api.MessageReceived} from
 *       {@code uuid} in {@code channel:<name>}; a reply goes to {@code replyTo = {channel: name}}.</li>
 * </ul>
 *
 * <p>Settings of a channel: {@code client-key} (required), the project's client key; every call must carry it as
 * {@code items.clientKey} or is answered 401. Give Yalgaar {@code /webhooks/<channel>} as both the Presence and
 * the Message URL.
 *
 * <p>Quirks:
 * <ul>
 *   <li>Yalgaar merges events into one call: {@code data} holds up to 200 entries (more is a 400). The batch is
 *       all or nothing: one bad entry rejects the whole call with a 400 naming it by index
 *       ({@code items.data[3].timestamp}), and nothing of it is stored.</li>
 *   <li>Every value is a string, timestamps too (Unix seconds); a timestamp is accepted as a number as well, a
 *       channel, uuid or action is not (the parser's Javadoc gives the type of each field).</li>
 *   <li>{@code source} and {@code action} are matched without regard to case.</li>
 * </ul>
 *
 * <p>Dedupe key: Yalgaar has no event id, so the key is {@code presence:} or {@code message:}, the entry's
 * timestamp, and a hash of the identifying fields (source, channel, uuid, timestamp, and action or message text);
 * see {@link io.hookbot.channel.Digests#timeOrderedKey}. A redelivered call is
 * stored once; so is the same text sent twice by one user to one channel within the same second, which
 * whole-second timestamps cannot tell apart.
 *
 * <p>Replies are published over MQTT to the Yalgaar channel being answered when the channel has
 * {@code send.broker-url} (see {@link YalgaarSendSettings} for the settings and {@link YalgaarSender} for what is
 * published); without it they go to the dry-run log sender. Yalgaar's webhook document says nothing of its
 * broker, so its address, the topic layout (default {@code {clientKey}/{channel}}) and any credentials are
 * settings.
 */
@Singleton
public class YalgaarPlatform implements Platform {

    /** A credential that no recording carries, for one without any: read then refuses it as unauthenticated. */
    private static final String NOT_RECORDED = "replay";

    /** The platform id. */
    public static final String ID = "yalgaar";

    private final YalgaarParser parser = new YalgaarParser();
    private final MqttConnections connections;

    /** @param connections the channels' MQTT connections */
    public YalgaarPlatform(MqttConnections connections) {
        this.connections = connections;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The webhook's client key and the MQTT publisher's settings ({@link YalgaarSendSettings}). */
    private static final ChannelKeys SETTING_KEYS = ChannelKeys.of("client-key", "send.broker-url", "send.topic",
            "send.client-key", "send.username", "send.password", "send.client-id", "send.timeout");

    @Override
    public ChannelKeys settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public void validate(ChannelConfig channel) {
        channel.require("client-key");
        if (YalgaarSendSettings.configured(channel)) {
            YalgaarSendSettings.of(channel);
        }
    }

    @Override
    public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        return parser.parse(channel, request);
    }

    /** A recorded call carries its project's client key in its body ({@code items.clientKey}), the one its channel's must match. */
    @Override
    public Map<String, String> sampleSettings(WebhookRequest recorded) {
        try {
            String carried = PayloadDecoder.decode(recorded).path("items").path("clientKey").asText("");
            return Map.of("client-key", carried.isBlank() ? NOT_RECORDED : carried);
        } catch (WebhookRejection malformed) {
            // read refuses the malformed body itself, naming what is wrong with it
            return Map.of("client-key", NOT_RECORDED);
        }
    }

    @Override
    public Optional<Sender> sender(ChannelConfig channel) {
        if (!YalgaarSendSettings.configured(channel)) {
            return Optional.empty();
        }
        YalgaarSendSettings settings = YalgaarSendSettings.of(channel);
        return Optional.of(new YalgaarSender(settings, connections.publisher(channel.name(), settings)));
    }

    /** A recipient is a Yalgaar channel name, the same field a message's {@code replyTo} carries. */
    @Override
    public Map<String, String> address(ChannelConfig channel, String to) {
        return Map.of("channel", to);
    }
}
