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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one RealTimeChat call into a {@link MessageReceived} per message. The body is a form (JSON of the same
 * shape is read too, for replayed sample files; over HTTP only forms arrive); {@code msgsJSON} is a JSON array
 * written as a string, or a real array in a JSON body. Errors inside it are named by index:
 * {@code msgsJSON[3].msgID}. The token is checked by the caller.
 *
 * <p>Types, as the PHP example and its comments show them ({@link PayloadFields} for what each reader accepts):
 * <ul>
 *   <li>{@code batchNo} counts the room's calls from 1 ("batch #1 is sent, followed by 2, 3…") and {@code msgID}
 *       is "incremental": both positive whole numbers, as digits or (inside {@code msgsJSON}) numbers.
 *       {@code ts} is a Unix time in seconds. {@code authorRole} is a whole number; one the example does not
 *       name (0 to 3) leaves the sender without a role.</li>
 *   <li>{@code inquiry}, {@code roomID} and {@code authorName} are strings without control characters: the room
 *       is the conversation key, the author's name the sender's id. A number or {@code true} for a name inside
 *       {@code msgsJSON} is refused.</li>
 *   <li>{@code text} is free text: any string without a lone surrogate. {@code sender} is not read.</li>
 * </ul>
 */
final class WebinatoParser {

    static final String INQUIRY = "realTimeChat";

    private static final int MAX_ROOM = 150;
    private static final int MAX_NAME = 200;
    private static final int MAX_TEXT = 20_000;
    /** {@code authorRole} 0 to 3. */
    private static final String[] ROLES = {"attendee", "attendee", "presenter", "organizer"};

    List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection {
        PayloadFields root = PayloadFields.of(PayloadDecoder.decode(request));
        if (!root.node().isObject()) {
            throw WebhookRejection.invalid(null, "the body must be a form with inquiry, roomID, batchNo and msgsJSON");
        }
        String inquiry = root.string("inquiry", 100);
        if (!INQUIRY.equals(inquiry)) {
            throw WebhookRejection.invalid("inquiry", PayloadFields.quote(inquiry) + " is not " + INQUIRY);
        }
        String room = root.string("roomID", MAX_ROOM);
        long batch = root.positiveId("batchNo");
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
                list = PayloadDecoder.json(raw.asText());
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
        long id = message.positiveId("msgID");
        String author = message.string("authorName", MAX_NAME);
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
        return Instant.ofEpochSecond(fields.epochSecond(name));
    }
}
