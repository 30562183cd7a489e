package io.hookbot.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.ScheduleFired;
import io.hookbot.handoff.HandOffStore;
import io.hookbot.handoff.LogEntry;
import io.hookbot.inbox.EventCodec;
import io.hookbot.inbox.TurnRecords;
import io.hookbot.outbox.AttemptStore;
import io.hookbot.outbox.OutboxQueries;
import io.hookbot.outbox.OutboxRow;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The question every operator of a deployed bot asks first: what did the bot do with this person's message, and
 * why? One conversation's timeline (the conversations themselves are listed by {@link ConversationList}): each inbound event, the turn that answered it (the rules that fired or were blocked, and why, from the
 * turn's own record), the state it set, and each reply with its status and every delivery attempt. Everything is
 * read from the tables, so it is the same after a restart and on every instance; it ages out with the inbox
 * retention. Batch markers (a Webinato call's place in the numbering) are not events and are left out.
 */
@Singleton
public class ConversationTimeline {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most lines of the mode log shown, the latest. */
    private static final int MAX_HANDOFF_LINES = 200;
    private static final List<String> EVENT_STATUSES = List.of("PENDING", "HELD", "DONE", "FAILED");

    private final TransactionOperations<Connection> transactions;
    private final OutboxQueries outbox;
    private final AttemptStore attempts;
    private final HandOffStore handOffs;

    public ConversationTimeline(TransactionOperations<Connection> transactions, OutboxQueries outbox,
                                AttemptStore attempts, HandOffStore handOffs) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.attempts = attempts;
        this.handOffs = handOffs;
    }

    /**
     * @param id     a conversation's id
     * @param limit  the most events to show, the latest
     * @param before show only events stored before this event id, or {@code null}
     * @param raw    whether to add each event's stored form
     * @return the conversation and its timeline, oldest event first
     * @throws AdminException 404 if there is no such conversation
     */
    public Map<String, Object> timeline(long id, int limit, Long before, boolean raw) {
        return transactions.executeRead(s -> {
            Connection connection = s.getConnection();
            Map<String, Object> conversation;
            try (PreparedStatement select = connection.prepareStatement("SELECT " + ConversationSummary.COLUMNS
                    + " FROM conversation c WHERE id = ?")) {
                select.setObject(1, ConversationSummary.NEVER);
                select.setLong(2, id);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        throw AdminException.notFound("there is no conversation " + id);
                    }
                    conversation = ConversationSummary.read(connection, rows);
                }
            }
            String channel = (String) conversation.get("channel");
            String key = (String) conversation.get("key");
            List<Map<String, Object>> events = events(connection, channel, key, limit, before, raw);
            for (Map<String, Object> event : events) {
                long eventId = (Long) event.get("id");
                List<Map<String, Object>> replies = new ArrayList<>();
                for (OutboxRow row : outbox.forEvent(connection, eventId)) {
                    replies.add(reply(connection, row));
                }
                event.put("replies", replies);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("conversation", conversation);
            result.put("timeline", events);
            // what happened to its mode: hand-offs, releases, and the agents' messages with their delivery
            result.put("handOffs", handOffLog(connection, id));
            if (!events.isEmpty() && events.size() == limit) {
                result.put("earlier", events.get(0).get("id"));
            }
            return result;
        });
    }

    private static List<Map<String, Object>> events(Connection connection, String channel, String key, int limit,
                                                    Long before, boolean raw) throws SQLException {
        List<Map<String, Object>> events = new ArrayList<>();
        // one look-up per status: each is a range of the (status, channel, conversation_key, id) index
        for (String status : EVENT_STATUSES) {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, event_type, payload, status, "
                    + "received_at, processed_at, last_error, dedupe_key, " + TurnRecords.COLUMN
                    + " FROM inbox_event WHERE status = ? "
                    + "AND channel = ? AND conversation_key = ?" + (before == null ? "" : " AND id < ?")
                    + " ORDER BY status DESC, channel DESC, conversation_key DESC, id DESC FETCH FIRST "
                    + (limit * 2) + " ROWS ONLY")) {
                select.setString(1, status);
                select.setString(2, channel);
                select.setString(3, key);
                if (before != null) {
                    select.setLong(4, before);
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        if (!EventCodec.BATCH_MARKER.equals(rows.getString(2))) {
                            events.add(event(rows, raw));
                        }
                    }
                }
            }
        }
        events.sort(Comparator.comparing(e -> (Long) e.get("id")));
        return events.size() <= limit ? events : new ArrayList<>(events.subList(events.size() - limit, events.size()));
    }

    private static Map<String, Object> event(ResultSet row, boolean raw) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.getLong(1));
        out.put("kind", row.getString(2));
        String payload = row.getString(3);
        Event event = EventCodec.decode(payload);
        describe(event, out);
        out.put("platformTime", event.timestamp() == null ? null : event.timestamp().toString());
        out.put("receivedAt", ConversationSummary.text(row.getObject(5, OffsetDateTime.class)));
        out.put("status", row.getString(4));
        out.put("turnedAt", ConversationSummary.text(row.getObject(6, OffsetDateTime.class)));
        out.put("error", row.getString(7));
        out.put("dedupeKey", row.getString(8));
        if (raw) {
            out.put("raw", tree(payload));
        }
        out.put("turn", turn(row.getString(4), row.getObject(6, OffsetDateTime.class), row.getString(9)));
        return out;
    }

    /** The event in a few fields: who, and what (the text of a message, the change of a presence, …). */
    private static void describe(Event event, Map<String, Object> out) {
        if (event instanceof MessageReceived message) {
            out.put("from", message.sender() == null ? null : message.sender().id());
            out.put("text", message.text());
            if (!message.attachments().isEmpty()) {
                out.put("attachments", message.attachments().size());
            }
        } else if (event instanceof PresenceChanged presence) {
            out.put("from", presence.user() == null ? null : presence.user().id());
            out.put("summary", "presence " + presence.status());
        } else if (event instanceof MeetingEvent meeting) {
            out.put("from", meeting.actor() == null ? null : meeting.actor().id());
            out.put("summary", "meeting " + meeting.meeting() + ": " + meeting.type());
        } else if (event instanceof DeviceEvent device) {
            out.put("summary", "device " + device.device() + ": " + device.type());
        } else if (event instanceof ScheduleFired firing) {
            out.put("summary", "schedule " + firing.bot() + "/" + firing.rule() + " due " + firing.due());
        }
    }

    /** The turn's record as its event's row keeps it; {@code null} while the event waits for its turn. */
    private static Map<String, Object> turn(String status, OffsetDateTime turnedAt, String record) {
        if (!"DONE".equals(status) && !"FAILED".equals(status)) {
            return null;
        }
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("at", ConversationSummary.text(turnedAt));
        if (record == null) {
            // a turn that changed nothing and that no rule answered writes no record
            turn.put("outcome", "FAILED".equals(status) ? "failed" : TurnRecords.NO_RULE_MATCHED);
            turn.put("verdicts", List.of());
            return turn;
        }
        tree(record).fields().forEachRemaining(field -> turn.put(field.getKey(), field.getValue()));
        return turn;
    }

    private Map<String, Object> reply(Connection connection, OutboxRow row) throws SQLException {
        OutboxRowView view = OutboxRowView.of(row, attempts.of(connection, row.id()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", view.id());
        out.put("channel", view.channel());
        out.put("recipient", view.recipient());
        out.put("text", view.text());
        out.put("status", view.status());
        out.put("createdAt", view.createdAt());
        out.put("sentAt", view.sentAt());
        out.put("nextAttemptAt", view.nextAttemptAt());
        out.put("lastError", view.lastError());
        out.put("attempts", view.history());
        return out;
    }

    private List<Map<String, Object>> handOffLog(Connection connection, long id) throws SQLException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (LogEntry entry : handOffs.history(connection, id, MAX_HANDOFF_LINES)) {
            Map<String, Object> line = HandOffViews.entry(entry);
            if (entry.kind() == LogEntry.Kind.MESSAGE) {
                List<Map<String, Object>> replies = new ArrayList<>();
                for (OutboxRow row : outbox.forEvent(connection, entry.outboxEventId())) {
                    replies.add(reply(connection, row));
                }
                line.put("replies", replies);
            }
            lines.add(line);
        }
        return lines;
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record is not JSON", e);
        }
    }

    
}
