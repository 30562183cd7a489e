package io.hookbot.channel.webinato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one RealTimeChat call into a {@link MessageReceived} per message. The body is a form (JSON of the same
 * shape is accepted too); {@code msgsJSON} is a JSON array written as a string, or a real array in a JSON body.
 * Errors inside it are named by index: {@code msgsJSON[3].msgID}. The token is checked by the caller.
 */
final class WebinatoParser {

    static final String INQUIRY = "realTimeChat";

    private static final int MAX_ROOM = 150;
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 20_000;
    /** {@code authorRole} 0 to 3. */
    private static final String[] ROLES = {"attendee", "attendee", "presenter", "organizer"};
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        PayloadFields root = PayloadFields.of(PayloadDecoder.decode(request));
        if (!root.node().isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a form with inquiry, roomID, batchNo and msgsJSON");
        }
        String inquiry = root.text("inquiry", 100);
        if (!INQUIRY.equals(inquiry)) {
            throw WebhookRejection.invalid("inquiry", "'" + inquiry + "' is not " + INQUIRY);
        }
        String room = root.text("roomID", MAX_ROOM);
        long batch = root.integer("batchNo");
        List<PayloadFields> messages = messages(root);
        if (messages.isEmpty()) {
            return List.of(emptyBatch(channel, room, batch));
        }
        List<InboundEvent> events = new ArrayList<>(messages.size());
        for (PayloadFields message : messages) {
            events.add(message(channel, room, batch, message));
        }
        return events;
    }

    private static List<PayloadFields> messages(PayloadFields root) throws WebhookRejection {
        JsonNode raw = root.node().get("msgsJSON");
        if (raw == null || raw.isNull()) {
            throw WebhookRejection.invalid("msgsJSON", "is required");
        }
        JsonNode list = raw;
        if (raw.isTextual()) {
            if (raw.asText().isBlank()) {
                return List.of();
            }
            try {
                list = PayloadDecoder.json(raw.asText().getBytes(StandardCharsets.UTF_8));
            } catch (WebhookRejection e) {
                throw WebhookRejection.invalid("msgsJSON", "is not a JSON array: " + e.getMessage());
            }
        }
        // re-rooted so that the list reader names elements msgsJSON[i], whichever way the list arrived
        ObjectNode holder = JsonNodeFactory.instance.objectNode();
        holder.set("msgsJSON", list);
        return PayloadFields.of(holder).objects("msgsJSON");
    }

    private static InboundEvent message(String channel, String room, long batch, PayloadFields message)
            throws WebhookRejection {
        long id = message.integer("msgID");
        String author = message.text("authorName", MAX_NAME);
        String text = message.optionalText("text", MAX_TEXT);
        MessageReceived event = new MessageReceived(channel, "room:" + room,
                new User(author, author, role(message.optionalInteger("authorRole"))),
                text, MessageKind.TEXT, List.of(), Long.toString(id), seconds(message, "ts"),
                new MessageReceived.Sequence(batch, id), null);
        return new InboundEvent("msg:" + room + ":" + id, event);
    }

    /**
     * An empty batch still takes its number: without its marker the inbox would hold the next batch behind a gap
     * that is never filled until the gap timeout.
     */
    private static InboundEvent emptyBatch(String channel, String room, long batch) {
        MessageReceived marker = new MessageReceived(channel, "room:" + room, new User("webinato", "Webinato", null),
                "", MessageKind.NOTIFICATION, List.of(), null, Instant.now(),
                MessageReceived.Sequence.emptyBatch(batch), null);
        return new InboundEvent("batch:" + room + ":" + batch, marker);
    }

    private static String role(Long role) {
        if (role == null || role < 0 || role >= ROLES.length) {
            return null;
        }
        return ROLES[role.intValue()];
    }

    private static Instant seconds(PayloadFields fields, String name) throws WebhookRejection {
        long seconds = fields.integer(name);
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            throw WebhookRejection.invalid(fields.full(name), "is not a Unix timestamp in seconds: " + seconds);
        }
        return Instant.ofEpochSecond(seconds);
    }
}
