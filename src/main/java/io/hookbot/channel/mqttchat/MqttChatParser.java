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
 */
final class MqttChatParser {

    private static final int MAX_ID = 100;
    private static final int MAX_TEXT = 20_000;
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
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
        String userId = body.text("userid", MAX_ID);
        String status = body.text("status", 40).toLowerCase(Locale.ROOT);
        PresenceChanged.Status mapped = STATUSES.get(status);
        if (mapped == null) {
            throw WebhookRejection.invalid("status", "'" + status + "' is not one of "
                    + String.join(", ", new TreeSet<>(STATUSES.keySet())));
        }
        long timestamp = seconds(body, "timestamp");
        boolean everyone = "0".equals(userId) && mapped == PresenceChanged.Status.OFFLINE;
        String user = everyone ? PresenceChanged.EVERYONE : userId;
        PresenceChanged event = new PresenceChanged(channel, "user:" + user, User.of(user), mapped, null,
                Instant.ofEpochSecond(timestamp));
        return new InboundEvent("presence:" + userId + ":" + status + ":" + timestamp, event);
    }

    private static InboundEvent message(String channel, PayloadFields body) throws WebhookRejection {
        String from = body.text("from_userid", MAX_ID);
        String to = body.text("to_userid", MAX_ID);
        PayloadFields message = body.object("message");
        String id = message.text("id", MAX_ID);
        long type = message.integer("type");
        if (type < 0 || type >= KINDS.length) {
            throw WebhookRejection.invalid(message.full("type"), type + " is not a message type (0 to 5)");
        }
        Instant timestamp = message.node().hasNonNull("timestamp")
                ? Instant.ofEpochSecond(seconds(message, "timestamp")) : Instant.now();
        MessageReceived event = new MessageReceived(channel, conversation(from, to), User.of(from),
                message.optionalText("message", MAX_TEXT), KINDS[(int) type], List.of(), id, timestamp, null,
                Map.of("to", from, "from", to));
        return new InboundEvent("msg:" + id, event);
    }

    /** One conversation per pair of users, whichever of them writes: the lower id first. */
    private static String conversation(String a, String b) {
        return compareIds(a, b) <= 0 ? "chat:" + a + ":" + b : "chat:" + b + ":" + a;
    }

    private static int compareIds(String a, String b) {
        if (a.matches("\\d+") && b.matches("\\d+")) {
            String x = a.replaceFirst("^0+(?=\\d)", "");
            String y = b.replaceFirst("^0+(?=\\d)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static long seconds(PayloadFields fields, String name) throws WebhookRejection {
        long seconds = fields.integer(name);
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw WebhookRejection.invalid(fields.full(name), "is not a Unix timestamp in seconds: " + seconds);
        }
        return seconds;
    }
}
