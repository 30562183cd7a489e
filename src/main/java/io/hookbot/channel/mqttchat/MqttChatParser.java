package io.hookbot.channel.mqttchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one MQTT chat callback, presence or message, into its event (see {@link MqttChatPlatform} for the
 * mapping). The token is checked by the caller.
 *
 * <p>Types, as the seed's examples show them ({@link PayloadFields} for what each reader accepts):
 * <ul>
 *   <li>{@code userid}, {@code from_userid} and {@code to_userid} are integers ({@code "userid":1}): a whole
 *       number, as a number or as digits, written back as its decimal digits ({@code "007"} is user 7).
 *       {@code userid} may be 0 (with {@code offline}: everyone); a message's users are counted from 1.</li>
 *   <li>{@code message.id} is a message id counted from 1: a positive whole number ({@code 1e400}, {@code 1.5},
 *       {@code "0x1F"} and {@code true} are refused).</li>
 *   <li>{@code message.type} is a whole number from 0 to 5; {@code timestamp} and {@code message.timestamp} are
 *       Unix times in seconds.</li>
 *   <li>{@code status} is a string; {@code message.message} is free text (any string without a lone surrogate).
 *       {@code p1}–{@code p3} are not read.</li>
 * </ul>
 */
final class MqttChatParser {

    private static final int MAX_TEXT = 20_000;
    private static final String SHAPES = "expected a presence callback {userid, status, timestamp} "
            + "or a message callback {from_userid, to_userid, message}";

    /** {@code message.type} 0 to 5, as the seed numbers them. */
    private static final MessageKind[] KINDS = {
        MessageKind.TEXT, MessageKind.STICKER, MessageKind.PICTURE,
        MessageKind.AUDIO, MessageKind.PICTURE, MessageKind.NOTIFICATION
    };

    private static final Map<String, PresenceChanged.Status> STATUSES = Map.of(
            "online", PresenceChanged.Status.ONLINE,
            "offline", PresenceChanged.Status.OFFLINE,
            "invisible", PresenceChanged.Status.OFFLINE,
            "away", PresenceChanged.Status.AWAY,
            "busy", PresenceChanged.Status.AWAY,
            "idle", PresenceChanged.Status.AWAY,
            "dnd", PresenceChanged.Status.AWAY);

    List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        JsonNode body = PayloadDecoder.decode(request);
        if (!body.isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a JSON object: " + SHAPES);
        }
        boolean message = body.has("from_userid") || body.has("to_userid") || body.has("message");
        boolean presence = body.has("userid") || body.has("status");
        if (message == presence) {
            throw WebhookRejection.invalid(null, (message ? "the body mixes both callbacks: " : "unknown callback: ")
                    + SHAPES);
        }
        PayloadFields fields = PayloadFields.of(body);
        return List.of(message ? message(channel, fields) : presence(channel, fields));
    }

    private static InboundEvent presence(String channel, PayloadFields body) throws WebhookRejection {
        String userId = Long.toString(body.id("userid"));
        String status = body.string("status", 40).toLowerCase(Locale.ROOT);
        PresenceChanged.Status mapped = STATUSES.get(status);
        if (mapped == null) {
            throw WebhookRejection.invalid("status", PayloadFields.quote(status) + " is not one of "
                    + String.join(", ", new TreeSet<>(STATUSES.keySet())));
        }
        long timestamp = body.epochSecond("timestamp");
        boolean everyone = "0".equals(userId) && mapped == PresenceChanged.Status.OFFLINE;
        String user = everyone ? PresenceChanged.EVERYONE : userId;
        PresenceChanged event = new PresenceChanged(channel, "user:" + user, User.of(user), mapped, null,
                Instant.ofEpochSecond(timestamp));
        return new InboundEvent("presence:" + userId + ":" + status + ":" + timestamp, event);
    }

    private static InboundEvent message(String channel, PayloadFields body) throws WebhookRejection {
        long from = body.positiveId("from_userid");
        long to = body.positiveId("to_userid");
        PayloadFields message = body.object("message");
        String id = Long.toString(message.positiveId("id"));
        long type = message.integer("type");
        if (type < 0 || type >= KINDS.length) {
            throw WebhookRejection.invalid(message.full("type"), type + " is not a message type (0 to 5)");
        }
        Instant timestamp = message.node().hasNonNull("timestamp")
                ? Instant.ofEpochSecond(message.epochSecond("timestamp")) : Instant.now();
        MessageReceived event = new MessageReceived(channel, conversation(from, to), User.of(Long.toString(from)),
                message.optionalText("message", MAX_TEXT), KINDS[(int) type], List.of(), id, timestamp, null,
                Map.of("to", Long.toString(from), "from", Long.toString(to)));
        return new InboundEvent("msg:" + id, event);
    }

    /** One conversation per pair of users, whichever of them writes: the lower id first. */
    private static String conversation(long a, long b) {
        return "chat:" + Math.min(a, b) + ":" + Math.max(a, b);
    }
}
