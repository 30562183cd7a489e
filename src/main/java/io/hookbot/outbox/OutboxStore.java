package io.hookbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.Attachment;
import io.hookbot.channel.OutboundMessage;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The outbox table's SQL, on the caller's transaction. */
@Singleton
public class OutboxStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Rows are claimed only when no earlier row to the same recipient is still waiting or in flight, which keeps
     * each recipient's replies in order across threads and instances.
     */
    private static final String CLAIMABLE = "SELECT o.id, o.channel, o.recipient, o.payload, o.attempts "
            + "FROM outbox_message o WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM outbox_message e WHERE e.channel = o.channel AND e.recipient = o.recipient "
            + "AND e.status IN ('PENDING', 'SENDING') AND e.id < o.id) "
            + "ORDER BY o.id FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";

    /**
     * A claimed row.
     *
     * @param message   what to send
     * @param recipient the ordering key
     * @param attempts  attempts made before this one
     */
    public record Claimed(OutboundMessage message, String recipient, int attempts) {
    }

    /**
     * Writes replies; a reply already written for the same (event, action) is left alone.
     *
     * @param connection the turn's transaction
     * @param replies    the replies
     * @return how many rows were written
     * @throws SQLException on a database error
     */
    public int insert(Connection connection, List<NewReply> replies) throws SQLException {
        if (replies.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message "
                + "(event_id, action_index, channel, recipient, payload, status, attempts, next_attempt_at, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING")) {
            for (NewReply reply : replies) {
                insert.setLong(1, reply.eventId());
                insert.setInt(2, reply.actionIndex());
                insert.setString(3, reply.channel());
                insert.setString(4, reply.recipient());
                insert.setString(5, write(new Payload(reply.replyTo(), reply.text(), reply.attachments())));
                insert.setObject(6, now);
                insert.setObject(7, now);
                insert.addBatch();
            }
            int written = 0;
            for (int count : insert.executeBatch()) {
                written += Math.max(count, 0);
            }
            return written;
        }
    }

    /**
     * Claims due rows for sending until {@code leaseUntil}.
     *
     * @param connection a transaction's connection
     * @param now        the current time
     * @param leaseUntil when the claim lapses if this instance dies
     * @param limit      the most rows to claim
     * @return the claimed rows, oldest first
     * @throws SQLException on a database error
     */
    public List<Claimed> claim(Connection connection, Instant now, Instant leaseUntil, int limit) throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(String.format(CLAIMABLE, limit))) {
            select.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Payload payload = read(rows.getString(4));
                    claimed.add(new Claimed(new OutboundMessage(rows.getLong(1), rows.getString(2), payload.replyTo(),
                            payload.text(), payload.attachments()), rows.getString(3), rows.getInt(5)));
                }
            }
        }
        if (!claimed.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id = ?")) {
                for (Claimed row : claimed) {
                    update.setObject(1, leaseUntil.atOffset(ZoneOffset.UTC));
                    update.setLong(2, row.message().id());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return claimed;
    }

    /**
     * Records the outcome of send attempts.
     *
     * @param connection a transaction's connection
     * @param outcomes   the outcomes
     * @throws SQLException on a database error
     */
    public void record(Connection connection, List<DeliveryOutcome> outcomes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_message SET status = ?, "
                + "attempts = ?, next_attempt_at = ?, claimed_until = NULL, sent_at = ?, reference = ?, last_error = ? "
                + "WHERE id = ? AND status = 'SENDING'")) {
            for (DeliveryOutcome outcome : outcomes) {
                update.setString(1, outcome.status().name());
                update.setInt(2, outcome.attempts());
                update.setObject(3, outcome.nextAttemptAt().atOffset(ZoneOffset.UTC));
                update.setObject(4, outcome.status() == OutboxStatus.SENT
                        ? OffsetDateTime.now(ZoneOffset.UTC) : null);
                update.setString(5, outcome.reference());
                update.setString(6, outcome.error() == null ? null
                        : outcome.error().substring(0, Math.min(outcome.error().length(), 2000)));
                update.setLong(7, outcome.id());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Puts rows whose claim lapsed (their instance died mid-send) back in line.
     *
     * @param connection a transaction's connection
     * @param now        the current time
     * @return how many rows were put back
     * @throws SQLException on a database error
     */
    public int releaseLapsedClaims(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_message SET status = 'PENDING', "
                + "claimed_until = NULL WHERE status = 'SENDING' AND claimed_until < ?")) {
            update.setObject(1, now.atOffset(ZoneOffset.UTC));
            return update.executeUpdate();
        }
    }

    private static String write(Payload payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Payload read(String json) {
        try {
            return JSON.readValue(json, Payload.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Payload(Map<String, String> replyTo, String text, List<Attachment> attachments) {
    }
}
