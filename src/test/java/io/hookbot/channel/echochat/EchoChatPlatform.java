package io.hookbot.channel.echochat;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.HmacSignature;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.Platform;
import io.hookbot.channel.Sender;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code echo-chat} platform: a chat service that posts each message as JSON
 * {@code {"id": "m-1", "room": "lobby", "from": {"id": "u-7", "name": "Ana"}, "text": "hello", "sent": 1767225600}},
 * signed: {@code X-Echo-Signature: sha256=<hex HmacSHA256 of the body, keyed with the channel's secret>}.
 *
 * <p>Settings of a channel: {@code secret} (required); to reply, {@code send.url}, the service's base URL, where a
 * reply is posted to {@code /rooms/<room>/messages} as {@code {"text": …}}, signed the same way. Conversation:
 * {@code room:<room>}; a reply goes back to the room ({@code replyTo = {room}}), and so does a {@code send} naming
 * a room. Dedupe key: {@code msg:<id>}.
 */
@Singleton
public class EchoChatPlatform implements Platform {

    /** The platform id. */
    public static final String ID = "echo-chat";
    /** How Echo Chat signs what it sends, and how hookbot signs its replies. */
    public static final HmacSignature SIGNATURE = HmacSignature.sha256Hex("X-Echo-Signature").withPrefix("sha256=");

    private static final ChannelKeys SETTING_KEYS = ChannelKeys.of("secret", "send.url");
    private static final int MAX_TEXT = 4_000;

    private final HttpClients clients;

    public EchoChatPlatform(HttpClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelKeys settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public void validate(ChannelConfig channel) {
        channel.require("secret");
        channel.setting("send.url").ifPresent(url -> {
            if (!HttpClients.isHttpUrl(url)) {
                throw new ChannelConfigException("hookbot.channels." + channel.name()
                        + ".send.url must be an http(s) URL, not '" + url + "'");
            }
        });
    }

    @Override
    public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        SIGNATURE.verify(channel.require("secret"), request);
        PayloadFields body = PayloadFields.of(PayloadDecoder.decode(request));
        if (!body.node().isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a JSON object {id, room, from, text, sent}");
        }
        String id = body.string("id", 100);
        String room = body.string("room", 100);
        PayloadFields from = body.object("from");
        User sender = new User(from.string("id", 100), from.optionalString("name", 200), null);
        MessageReceived message = new MessageReceived(channel.name(), "room:" + room, sender,
                body.optionalText("text", MAX_TEXT), MessageKind.TEXT, List.of(), id,
                Instant.ofEpochSecond(body.epochSecond("sent")), null, Map.of("room", room));
        return List.of(new InboundEvent("msg:" + id, message));
    }

    /**
     * A recording keeps the body and not its signature header, so no secret makes it pass: any will do, and
     * {@code replay} shows the call refused for want of its signature.
     */
    @Override
    public Map<String, String> sampleSettings(WebhookRequest recorded) {
        return Map.of("secret", "replay");
    }

    @Override
    public Optional<Sender> sender(ChannelConfig channel) {
        return channel.setting("send.url").map(url -> new EchoChatSender(channel.require("secret"),
                clients.client(url, Duration.ofSeconds(5))));
    }

    /** A recipient is a room. */
    @Override
    public Map<String, String> address(ChannelConfig channel, String to) {
        return Map.of("room", to);
    }
}
