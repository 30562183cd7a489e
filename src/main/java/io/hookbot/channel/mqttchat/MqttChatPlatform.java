package io.hookbot.channel.mqttchat;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.UrlTokenPlatform;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The {@code mqtt-chat} platform: MQTT chat's two callbacks, JSON POSTs that may share one URL.
 *
 * <ul>
 *   <li>Presence {@code {userid, status, timestamp}}: a {@link io.hookbot.api.PresenceChanged} in the conversation
 *       {@code user:<userid>}, scope {@code null} (the whole platform). {@code online} is online, {@code offline}
 *       and {@code invisible} offline, {@code away}, {@code busy}, {@code idle} and {@code dnd} away; another
 *       status is a 400. {@code userid} 0 with {@code offline} means every user went offline: the user is
 *       {@link io.hookbot.api.PresenceChanged#EVERYONE} and the conversation {@code user:*}.</li>
 *   <li>Message {@code {from_userid, to_userid, message:{id, message, type, p1, p2, p3, timestamp}}}: a
 *       {@link io.hookbot.api.MessageReceived} in {@code chat:<lower id>:<higher id>}, one conversation per pair
 *       of users whoever writes. Its kind comes from {@code type}: 0 text and smileys, 1 sticker, 2 picture from
 *       disk, 3 recording (audio), 4 picture from the camera, 5 audio/video call notification; another type is a
 *       400. {@code p1}–{@code p3} are not documented and not carried. A reply goes the other way:
 *       {@code replyTo = {to: from_userid, from: to_userid}}.</li>
 * </ul>
 * The two shapes are told apart by their fields; a body with both, or neither, is a 400. User and message ids are
 * whole numbers, as the seed shows them (the parser's Javadoc gives each field's type).
 *
 * <p>Settings of a channel: {@code token} (required); give MQTT chat {@code /webhooks/<channel>?token=<token>}
 * as both callback URLs.
 *
 * <p>Quirk that shapes this class: MQTT chat disables a callback URL at once when it answers 401 or 403 (or is
 * unreachable), and someone must re-enable it by hand. So a missing or wrong token is answered 404, and
 * {@link #reject} turns any 401/403 into a 404: nothing this platform receives can answer 401 or 403.
 *
 * <p>Dedupe keys: a message's is {@code msg:<message.id>}, MQTT chat's message id. A presence change has no id,
 * so its key is {@code presence:<userid>:<status>:<timestamp>}, which is what identifies it.
 *
 * <p>There is no public send API, so {@link #sender} stays empty: replies go out through the generic HTTP sender
 * ({@code send.http.*}, which the sender registry prefers for any channel that has it) to the user's own chat
 * server, or to the dry-run log sender when that is not configured.
 */
@Singleton
public class MqttChatPlatform extends UrlTokenPlatform {

    /** The platform id. */
    public static final String ID = "mqtt-chat";

    private final MqttChatParser parser = new MqttChatParser();

    public MqttChatPlatform() {
        super(ID, "MQTT chat");
    }

    @Override
    protected void verify(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        try {
            super.verify(channel, request);
        } catch (WebhookRejection refused) {
            throw new WebhookRejection(HttpStatus.NOT_FOUND, "unauthorized", null, refused.getMessage()
                    + " (answered 404, not 401: MQTT chat disables a callback URL that answers 401 or 403)");
        }
    }

    @Override
    protected List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        return parser.parse(channel, request);
    }

    @Override
    public HttpResponse<?> reject(ChannelConfig channel, WebhookRejection rejection) {
        HttpStatus status = rejection.status();
        boolean disablesTheUrl = status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN;
        return rejection.toResponse(disablesTheUrl ? HttpStatus.NOT_FOUND : status);
    }
}
