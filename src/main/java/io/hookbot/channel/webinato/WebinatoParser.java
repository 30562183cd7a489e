package io.hookbot.channel.webinato;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.channel.BatchMark;
import io.hookbot.channel.Digests;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.PayloadFields;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads one RealTimeChat call into its batch marker ({@link BatchMark}) and a {@link MessageReceived} per message.
 * The body is a form (JSON of the same shape is read too, for replayed sample files; over HTTP only forms arrive);
 * {@code msgsJSON} is a JSON array written as a string, or a real array in a JSON body. Errors inside it are named
 * by index: {@code msgsJSON[3].msgID}. The token is checked by the caller.
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

    private static final Logger LOG = LoggerFactory.getLogger(WebinatoParser.class);

    private final Set<String> unknownRoles = ConcurrentHashMap.newKeySet();

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
        List<PayloadFields> fields = messages(root);
        List<Message> messages = new ArrayList<>(fields.size());
        for (PayloadFields message : fields) {
            messages.add(message(channel, room, batch, message));
        }
        // the inbox stores a call's events in this order: its messages by msgID, whichever way Webinato listed them
        messages.sort(Comparator.comparingLong(Message::id).thenComparing(m -> m.event().event().timestamp()));
        List<InboundEvent> events = new ArrayList<>(messages.size() + 1);
        events.add(marker(channel, room, batch, messages));
        messages.forEach(m -> events.add(m.event()));
        return events;
    }

    /** A message read, with its msgID for sorting. */
    private record Message(long id, InboundEvent event) {
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

    private Message message(String channel, String room, long batch, PayloadFields message)
            throws WebhookRejection {
        long id = message.positiveId("msgID");
        String author = message.string("authorName", MAX_NAME);
        String text = message.optionalText("text", MAX_TEXT);
        Instant ts = seconds(message, "ts");
        MessageReceived event = new MessageReceived(channel, "room:" + room,
                new User(author, author, role(channel, message.optionalInteger("authorRole"))),
                text, MessageKind.TEXT, List.of(), Long.toString(id), ts,
                new MessageReceived.Sequence(batch, id), null);
        // with ts: a msgID seen again with another time is a new message of a restarted room, not a repeat
        return new Message(id, new InboundEvent("msg:" + room + ":" + id + ":" + ts.getEpochSecond(), event));
    }

    /**
     * The call's place in the room's numbering, stored ahead of its messages, so that the call counts even when it
     * carried no message or only repeats. Its key is the batch number and a digest of the messages' keys: the same
     * call sent again is a duplicate like its messages, while another call under the same number (a restarted
     * room's batch 2, a resend with more messages) is stored and takes its place.
     */
    private static InboundEvent marker(String channel, String room, long batch, List<Message> messages) {
        // the set of keys, sorted: the same call with its messages listed in another order is the same call
        StringBuilder keys = new StringBuilder();
        messages.stream().map(m -> m.event().dedupeKey()).sorted().forEach(k -> keys.append(k).append('\n'));
        String digest = Digests.sha256Hex(keys.toString()).substring(0, 16);
        return InboundEvent.of("batch:" + room + ":" + batch + ":" + digest,
                new BatchMark(channel, "room:" + room, batch));
    }

    private String role(String channel, Long role) {
        if (role == null) {
            return null;
        }
        if (role < 0 || role >= ROLES.length) {
            if (unknownRoles.add(channel)) {
                LOG.info("Channel {}: authorRole {} is not one Webinato documents (0 to 3); such senders get no role "
                        + "(said once per channel)", channel, role);
            }
            return null;
        }
        return ROLES[role.intValue()];
    }

    private static Instant seconds(PayloadFields fields, String name) throws WebhookRejection {
        return Instant.ofEpochSecond(fields.epochSecond(name));
    }
}
