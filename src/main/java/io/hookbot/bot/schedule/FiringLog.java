package io.hookbot.bot.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Writes each schedule firing into the inbox as a finished event, so that it has an id for its outbox rows (unique
 * by event id and action index, like any turn's) and a place in the inbox's record of what the bot did. The row's
 * channel is {@code ~schedule} (no channel can be named so: the name is not a URL segment a platform would call),
 * its conversation {@code <bot>/<rule>}, its dedupe key the slot's due time, and its type {@code schedule}: the
 * unique (channel, dedupe key) refuses a second row for the same slot. It is written {@code DONE}, never pending,
 * so the dispatcher never takes it for a turn.
 *
 * <p>Hand-written SQL, not a Micronaut Data repository: the firing log is the inbox table itself, and a firing is an
 * insert that skips a slot fired already ({@code ON CONFLICT DO NOTHING}) and returns the new row's id, in the
 * firing's transaction.
 */
@Singleton
public class FiringLog {

    /** The inbox channel of schedule firings. */
    public static final String CHANNEL = "~schedule";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param connection the firing's transaction
     * @param bot        the bot
     * @param rule       the rule
     * @param spec       the schedule
     * @param due        the slot's due time
     * @param firedAt    the time of the firing
     * @return the firing's inbox id, or empty if this slot already has a firing
     * @throws SQLException on a database error
     */
    public OptionalLong record(Connection connection, String bot, String rule, String spec, Instant due,
                               Instant firedAt) throws SQLException {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("event", "schedule");
        payload.put("bot", bot);
        payload.put("rule", rule);
        payload.put("schedule", spec);
        payload.put("due", due.toString());
        payload.put("firedAt", firedAt.toString());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_event "
                + "(channel, dedupe_key, conversation_key, event_type, payload, status, received_at, processed_at) "
                + "VALUES (?, ?, ?, 'schedule', ?, 'DONE', ?, ?) ON CONFLICT DO NOTHING", new String[]{"id"})) {
            insert.setString(1, CHANNEL);
            insert.setString(2, bot + "/" + rule + "@" + due);
            insert.setString(3, bot + "/" + rule);
            insert.setString(4, json(payload));
            insert.setObject(5, OffsetDateTime.ofInstant(firedAt, ZoneOffset.UTC));
            insert.setObject(6, OffsetDateTime.ofInstant(firedAt, ZoneOffset.UTC));
            if (insert.executeUpdate() == 0) {
                return OptionalLong.empty();
            }
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return OptionalLong.of(keys.getLong(1));
            }
        }
    }

    /**
     * Marks a firing whose rule failed.
     *
     * @param connection the firing's transaction
     * @param id         the firing's inbox id
     * @param error      what went wrong
     * @throws SQLException on a database error
     */
    public void failed(Connection connection, long id, String error) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE inbox_event SET status = 'FAILED', last_error = ? WHERE id = ?")) {
            update.setString(1, error.length() <= 2000 ? error : error.substring(0, 1999) + "…");
            update.setLong(2, id);
            update.executeUpdate();
        }
    }

    private static String json(Map<String, String> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
