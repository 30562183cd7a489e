package io.hookbot.channel.yalgaar;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.User;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.Digests;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.Secrets;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one Yalgaar webhook call into its events, all or nothing, after checking its client key (see
 * {@link YalgaarPlatform} for the mapping and the dedupe key).
 *
 * <p>Types: the document gives every field as a String ({@link PayloadFields} for what each reader accepts).
 * {@code source}, {@code channel}, {@code uuid} and {@code action} are strings without control characters (the
 * channel is the conversation key, the uuid the sender's id): a number or {@code true} there is refused.
 * {@code timestamp} is a Unix time in seconds, as digits or as a number. {@code message} is free text (any string
 * without a lone surrogate). {@code clientKey} is compared and nothing else: one that is not a string does not
 * match (401).
 */
final class YalgaarParser {

    /** The most entries Yalgaar merges into one call. */
    static final int MAX_ENTRIES = 200;

    private static final int MAX_CHANNEL = 250;
    private static final int MAX_UUID = 100;
    private static final int MAX_TEXT = 20_000;

    List<InboundEvent> parse(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        JsonNode body = PayloadDecoder.decode(request);
        if (!body.isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a JSON object {\"items\":{source, clientKey, data}}");
        }
        PayloadFields items = PayloadFields.of(body).object("items");
        String key = items.credential("clientKey");
        if (!Secrets.matches(channel.require("client-key"), key)) {
            throw WebhookRejection.unauthorized(key == null || key.isEmpty()
                    ? "items.clientKey is missing" : "items.clientKey does not match this channel's client-key");
        }
        String source = items.string("source", 40).toLowerCase(Locale.ROOT);
        if (!source.equals("presence") && !source.equals("message")) {
            throw WebhookRejection.invalid(items.full("source"), PayloadFields.quote(source) + " is not Presence or Message");
        }
        JsonNode data = items.node().get("data");
        if (data != null && data.isArray() && data.size() > MAX_ENTRIES) {
            throw WebhookRejection.invalid(items.full("data"),
                    "has " + data.size() + " entries; Yalgaar sends at most " + MAX_ENTRIES);
        }
        List<PayloadFields> entries = items.objects("data");
        List<InboundEvent> events = new ArrayList<>(entries.size());
        for (PayloadFields entry : entries) {
            events.add(source.equals("presence") ? presence(channel.name(), entry) : message(channel.name(), entry));
        }
        return events;
    }

    private static InboundEvent presence(String channel, PayloadFields entry) throws WebhookRejection {
        String name = entry.string("channel", MAX_CHANNEL);
        String uuid = entry.string("uuid", MAX_UUID);
        long timestamp = entry.epochSecond("timestamp");
        String action = entry.string("action", 40).toLowerCase(Locale.ROOT);
        PresenceChanged.Status status = switch (action) {
            case "bind" -> PresenceChanged.Status.JOINED;
            case "unbind" -> PresenceChanged.Status.LEFT;
            default -> throw WebhookRejection.invalid(entry.full("action"),
                    PayloadFields.quote(action) + " is not bind or unbind");
        };
        PresenceChanged event = new PresenceChanged(channel, "channel:" + name, User.of(uuid), status, name,
                Instant.ofEpochSecond(timestamp));
        return new InboundEvent(Digests.timeOrderedKey("presence", timestamp,
                "presence", name, uuid, Long.toString(timestamp), action), event);
    }

    private static InboundEvent message(String channel, PayloadFields entry) throws WebhookRejection {
        String name = entry.string("channel", MAX_CHANNEL);
        String uuid = entry.string("uuid", MAX_UUID);
        long timestamp = entry.epochSecond("timestamp");
        if (!entry.node().has("message")) {
            throw WebhookRejection.invalid(entry.full("message"), "is required");
        }
        String text = entry.optionalText("message", MAX_TEXT);
        MessageReceived event = new MessageReceived(channel, "channel:" + name, User.of(uuid), text,
                MessageKind.TEXT, List.of(), null, Instant.ofEpochSecond(timestamp), null, Map.of("channel", name));
        return new InboundEvent(Digests.timeOrderedKey("message", timestamp,
                "message", name, uuid, Long.toString(timestamp), event.text()), event);
    }
}
