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
public class HandOffAdminService {

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

    public HandOffAdminService(HandOffs handOffs, ChannelRegistry channels, TransactionOperations<Connection> transactions,
                        ConversationStore conversations) {
        this.handOffs = handOffs;
        this.channels = channels;
        this.transactions = transactions;
        this.conversations = conversations;
    }

    /**
     * @param id   the conversation
     * @param body the call's JSON: {@code to} ({@code channel}, {@code address}), {@code for}, {@code note}
     * @return the conversation's mode and hand-off
     * @throws AdminException 400 naming a bad field, 404 for no such conversation
     */
    public Map<String, Object> handOff(long id, String body) {
        JsonNode json = object(body, HANDOFF_FIELDS);
        JsonNode to = json.get("to");
        String channel = null;
        String address = null;
        if (to != null && !to.isNull()) {
            if (!to.isObject()) {
                throw AdminException.invalid("to", "must be {\"channel\": <a configured channel>, \"address\": "
                        + "<agent>}");
            }
            for (Iterator<String> names = to.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!TO_FIELDS.contains(name)) {
                    throw AdminException.invalid("to." + name, "is not a field of 'to'; its fields are channel and "
                            + "address");
                }
            }
            channel = string(to.get("channel"), "to.channel");
            address = string(to.get("address"), "to.address");
            if (blank(channel)) {
                throw AdminException.invalid("to.channel", "is required: the configured channel to forward on");
            }
            if (blank(address)) {
                throw AdminException.invalid("to.address", "is required: the agent's address on " + channel);
            }
        }
        return handOff(id, channel, address, string(json.get("for"), "for"), string(json.get("note"), "note"));
    }

    /**
     * The same from a form (the dashboard): a target of two blank fields is none.
     *
     * @param id      the conversation
     * @param channel the agent target's channel, or blank
     * @param address the agent's address on it, or blank
     * @param idle    the idle time as a rule file writes it ({@code 4h})
     * @param note    why, or blank
     * @return the conversation's mode and hand-off
     * @throws AdminException 400 naming a bad field, 404 for no such conversation
     */
    public Map<String, Object> handOff(long id, String channel, String address, String idle, String note) {
        AgentTarget target = target(channel, address);
        Duration idleTime = idle(idle);
        String why = checked(note, "note", HandOff.MAX_NOTE);
        HandOffState state = handOffs.handOff(id, target, idleTime, blank(why) ? null : why)
                .orElseThrow(() -> AdminException.notFound("there is no conversation " + id));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conversation", id);
        out.put("mode", HandOffViews.HUMAN);
        out.put("handOff", HandOffViews.state(state));
        return out;
    }

    /**
     * @param id the conversation
     * @return its mode and the hand-off released
     * @throws AdminException 404 for no such conversation, 409 if it is not in human mode
     */
    public Map<String, Object> release(long id) {
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

    /**
     * @param id   the conversation
     * @param body the call's JSON: {@code text}
     * @return the logged message and where it goes
     * @throws AdminException 400 naming a bad field, 404 for no such conversation, 409 with no address to answer
     */
    public Map<String, Object> message(long id, String body) {
        return messageText(id, string(object(body, MESSAGE_FIELDS).get("text"), "text"));
    }

    /**
     * @param id   the conversation
     * @param text the agent's message
     * @return the logged message and where it goes
     * @throws AdminException 400 for a bad text, 404 for no such conversation, 409 with no address to answer
     */
    public Map<String, Object> messageText(long id, String text) {
        checked(text, "text", MAX_TEXT);
        if (blank(text)) {
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

    private AgentTarget target(String channel, String address) {
        if (blank(channel) && blank(address)) {
            return null;
        }
        if (blank(channel)) {
            throw AdminException.invalid("to.channel", "is required with an address: the configured channel to "
                    + "forward on");
        }
        checked(channel, "to.channel", 100);
        if (channels.find(channel.trim()).isEmpty()) {
            throw AdminException.invalid("to.channel", "names no configured channel; channels: "
                    + channels.all().stream().map(c -> c.name()).sorted().toList());
        }
        if (blank(address)) {
            throw AdminException.invalid("to.address", "is required: the agent's address on " + channel.trim());
        }
        checked(address, "to.address", MAX_ADDRESS);
        return new AgentTarget(channel.trim(), address.trim());
    }

    private static Duration idle(String text) {
        if (blank(text)) {
            throw AdminException.invalid("for", "is required: the idle time after which the bot takes over again, "
                    + "such as 4h");
        }
        Optional<Duration> idle = text.length() > 20 ? Optional.empty() : Durations.parse(text);
        if (idle.isEmpty() || idle.get().compareTo(HandOff.MIN_IDLE) < 0 || idle.get().compareTo(HandOff.MAX_IDLE) > 0) {
            throw AdminException.invalid("for", "must be a duration from 1s to 30d such as 90s, 15m, 4h or 2d");
        }
        return idle.get();
    }

    /** A JSON field that must be a string when present. */
    private static String string(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw AdminException.invalid(field, "must be a string");
        }
        return node.asText();
    }

    /** @return the text, checked against what the tables store */
    private static String checked(String text, String field, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw AdminException.invalid(field, "is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw AdminException.invalid(field, "holds control characters");
        }
        return text;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
