package io.hookbot.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.bot.TurnVerdict;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each turn decided, written in the turn's own transaction (table {@code turn_record}, one row per turned
 * event), so the conversation timeline is true after a restart and on every instance. A row is compact JSON: the
 * outcome, the rules that fired or were blocked ({@link TurnVerdict}), the state the turn set or cleared, and a
 * failed turn's error. Rows go with their events (the inbox retention deletes both); an event put back in line by
 * the admin API loses its old row, and its next turn writes a new one.
 */
@Singleton
public class TurnRecords {

    /** The table. */
    public static final String TABLE = "turn_record";
    /** Deletes an event's row; for the inbox retention, which deletes the event after it. */
    public static final String DELETE_FOR_EVENT = "DELETE FROM " + TABLE + " WHERE event_id = ?";
    /** The longest error text kept. */
    private static final int MAX_ERROR = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One turn's record.
     *
     * @param eventId  the turned event
     * @param turnedAt when
     * @param failed   whether the turn failed (a rule or plugin threw); its event is then {@code FAILED}
     * @param verdicts the rules that fired or were blocked, in order; none is "no rule matched"
     * @param before   the conversation state before the turn
     * @param after    the state after it
     * @param error    a failed turn's error, or {@code null}
     */
    public record Entry(long eventId, Instant turnedAt, boolean failed, List<TurnVerdict> verdicts,
                        Map<String, String> before, Map<String, String> after, String error) {
    }

    /**
     * @param connection the pass's transaction
     * @param entries    the pass's turns
     * @throws SQLException on a database error
     */
    public void insert(Connection connection, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (event_id, turned_at, record) VALUES (?, ?, ?)")) {
            for (Entry entry : entries) {
                insert.setLong(1, entry.eventId());
                insert.setObject(2, entry.turnedAt().atOffset(ZoneOffset.UTC));
                insert.setString(3, json(entry));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static String json(Entry entry) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("outcome", entry.failed() ? "failed" : entry.verdicts().isEmpty() ? "no rule matched" : "answered");
        record.put("verdicts", entry.verdicts().stream().map(TurnRecords::verdict).toList());
        Map<String, String> set = new LinkedHashMap<>();
        entry.after().forEach((key, value) -> {
            if (!value.equals(entry.before().get(key))) {
                set.put(key, value);
            }
        });
        List<String> cleared = entry.before().keySet().stream().filter(k -> !entry.after().containsKey(k)).sorted()
                .toList();
        if (!set.isEmpty()) {
            record.put("stateSet", set);
        }
        if (!cleared.isEmpty()) {
            record.put("stateCleared", cleared);
        }
        if (entry.error() != null) {
            record.put("error", entry.error().length() <= MAX_ERROR ? entry.error()
                    : entry.error().substring(0, MAX_ERROR) + "…");
        }
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a turn record cannot be written as JSON", e);
        }
    }

    private static Map<String, Object> verdict(TurnVerdict verdict) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("verdict", verdict.kind() == TurnVerdict.Kind.FIRED ? "fired" : "blocked");
        out.put("bot", verdict.bot());
        out.put("rule", verdict.rule());
        if (!verdict.captures().isEmpty()) {
            out.put("captures", verdict.captures());
        }
        if (!verdict.plugins().isEmpty()) {
            out.put("plugins", verdict.plugins());
        }
        if (!verdict.actions().isEmpty()) {
            out.put("actions", verdict.actions());
        }
        if (verdict.guard() != null) {
            out.put("guard", verdict.guard());
            out.put("reason", verdict.reason());
        }
        return out;
    }
}
