package io.hookbot.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.Event;
import io.hookbot.api.HandOff;
import io.hookbot.api.MessageReceived;
import io.hookbot.bot.guard.Durations;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.handoff.AgentTarget;
import io.hookbot.handoff.HandOffState;
import io.hookbot.handoff.HandOffs;
import io.hookbot.handoff.LogEntry;
import io.hookbot.inbox.EventCodec;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin API's side of human mode: each body checked field by field (a bad one is refused naming it, before
 * anything is written), then the hand-off, the release or the agent's message ({@link HandOffs}, under the
 * conversation's lock).
 */
@Singleton
class HandOffAdminService {

    /** The longest agent's message taken. */
    static final int MAX_TEXT = 10_000;
    /** The longest agent address taken (the outbox's recipient column). */
    static final int MAX_ADDRESS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HANDOFF_FIELDS = Set.of("to", "for", "note");
    private static final Set<String> TO_FIELDS = Set.of("channel", "address");
    private static final Set<String> MESSAGE_FIELDS = Set.of("text");

    private final HandOffs handOffs;
    private final ChannelRegistry channels;
    private final TransactionOperations<Connection> transactions;
    private final ConversationStore conversations;

    HandOffAdminService(HandOffs handOffs, ChannelRegistry channels, TransactionOperations<Connection> transactions,
                        ConversationStore conversations) {
        this.handOffs = handOffs;
        this.channels = channels;
        this.transactions = transactions;
        this.conversations = conversations;
    }

    Map<String, Object> handOff(long id, String body) {
        JsonNode json = object(body, HANDOFF_FIELDS);
        AgentTarget target = target(json.get("to"));
        Duration idle = idle(json.get("for"));
        String note = optionalText(json.get("note"), "note", HandOff.MAX_NOTE);
        HandOffState state = handOffs.handOff(id, target, idle, note)
                .orElseThrow(() -> AdminException.notFound("there is no conversation " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", id);
        out.put("mode", HandOffViews.HUMAN);
        out.put("handOff", HandOffViews.state(state));
        return out;
    }

    Map<String, Object> release(long id) {
        Optional<HandOffState> ended = handOffs.release(id)
                .orElseThrow(() -> AdminException.notFound("there is no conversation " + id));
        if (ended.isEmpty()) {
            throw AdminException.conflict("conversation " + id + " is not in human mode; the bot answers it already");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", id);
        out.put("mode", HandOffViews.BOT);
        out.put("released", HandOffViews.state(ended.get()));
        return out;
    }

    Map<String, Object> message(long id, String body) {
        JsonNode json = object(body, MESSAGE_FIELDS);
        String text = optionalText(json.get("text"), "text", MAX_TEXT);
        if (text == null || text.isBlank()) {
            throw AdminException.invalid("text", "is required: the agent's message to the customer");
        }
        MessageReceived answered = transactions.executeRead(s -> lastMessage(s.getConnection(), id));
        LogEntry sent = handOffs.agentMessage(id, answered, text)
                .orElseThrow(() -> AdminException.conflict("conversation " + id + " changed; try again"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", id);
        out.put("message", HandOffViews.entry(sent));
        out.put("channel", answered.channel());
        out.put("recipient", answered.conversation());
        return out;
    }

    /** The conversation's latest message from the customer, whose address an agent's message goes to. */
    private MessageReceived lastMessage(Connection connection, long id) throws SQLException {
        Conversation conversation = conversations.find(connection, id)
                .orElseThrow(() -> AdminException.notFound("there is no conversation " + id));
        long newest = -1;
        String payload = null;
        // one look-up per status, each within the (status, channel, conversation_key, id) index, newest first
        for (String status : List.of("DONE", "PENDING", "HELD", "FAILED")) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, payload FROM inbox_event "
                    + "WHERE status = ? AND channel = ? AND conversation_key = ? AND event_type = 'message' "
                    + "ORDER BY status DESC, channel DESC, conversation_key DESC, id DESC FETCH FIRST 1 ROWS ONLY")) {
                select.setString(1, status);
                select.setString(2, conversation.channel());
                select.setString(3, conversation.key());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && row.getLong(1) > newest) {
                        newest = row.getLong(1);
                        payload = row.getString(2);
                    }
                }
            }
        }
        Event event = payload == null ? null : EventCodec.decode(payload);
        if (!(event instanceof MessageReceived message)) {
            throw AdminException.conflict("conversation " + id + " has no stored message from its customer, so "
                    + "there is no address to answer (it aged out with the inbox retention, or it never had one)");
        }
        return message;
    }

    private static JsonNode object(String body, Set<String> fields) {
        if (body == null || body.isBlank()) {
            throw AdminException.invalid("body", "is required: a JSON object with " + fields.stream().sorted().toList());
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw AdminException.invalid("body", "is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw AdminException.invalid("body", "must be a JSON object with " + fields.stream().sorted().toList());
        }
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw AdminException.invalid(name, "is not a field of this call; its fields are "
                        + fields.stream().sorted().toList());
            }
        }
        return json;
    }

    private AgentTarget target(JsonNode to) {
        if (to == null || to.isNull()) {
            return null;
        }
        if (!to.isObject()) {
            throw AdminException.invalid("to", "must be {\"channel\": <a configured channel>, \"address\": <agent>}");
        }
        for (Iterator<String> names = to.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TO_FIELDS.contains(name)) {
                throw AdminException.invalid("to." + name, "is not a field of 'to'; its fields are channel and address");
            }
        }
        String channel = optionalText(to.get("channel"), "to.channel", 100);
        if (channel == null || channel.isBlank()) {
            throw AdminException.invalid("to.channel", "is required: the configured channel to forward on");
        }
        if (channels.find(channel).isEmpty()) {
            throw AdminException.invalid("to.channel", "names no configured channel; channels: "
                    + channels.all().stream().map(c -> c.name()).sorted().toList());
        }
        String address = optionalText(to.get("address"), "to.address", MAX_ADDRESS);
        if (address == null || address.isBlank()) {
            throw AdminException.invalid("to.address", "is required: the agent's address on " + channel);
        }
        return new AgentTarget(channel, address.trim());
    }

    private static Duration idle(JsonNode node) {
        String text = optionalText(node, "for", 20);
        if (text == null) {
            throw AdminException.invalid("for", "is required: the idle time after which the bot takes over again, "
                    + "such as 4h");
        }
        Optional<Duration> idle = Durations.parse(text);
        if (idle.isEmpty() || idle.get().compareTo(HandOff.MIN_IDLE) < 0 || idle.get().compareTo(HandOff.MAX_IDLE) > 0) {
            throw AdminException.invalid("for", "must be a duration from 1s to 30d such as 90s, 15m, 4h or 2d");
        }
        return idle.get();
    }

    private static String optionalText(JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AdminException.invalid(field, "must be a string");
        }
        String text = node.asText();
        if (text.length() > max) {
            throw AdminException.invalid(field, "is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw AdminException.invalid(field, "holds control characters");
        }
        return text;
    }
}
