package io.hookbot.outbox;

import io.hookbot.channel.OutboundMessage;
import io.hookbot.db.SqlDialect;
import io.hookbot.db.PurgeStep;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The outbox table's SQL for writing and delivering replies, on the caller's transaction. Written by hand, not as a
 * Micronaut Data repository: the claim is {@code FOR UPDATE SKIP LOCKED} with an anti-join written per database
 * ({@link SqlDialect#noneOf}), replies are batched inserts that skip duplicates, and outcomes are written in batches
 * of up to a thousand; all of it is on the path of every reply. A turn's replies, written partly claimed and handed
 * to delivery after the commit, are {@link OutboxWriter}'s.
 */
@Singleton
public class OutboxStore {

    private final AttemptStore attempts;
    private final ChannelPauseStore pauses;
    private final SqlDialect dialect;

    public OutboxStore(AttemptStore attempts, ChannelPauseStore pauses, SqlDialect dialect) {
        this.attempts = attempts;
        this.pauses = pauses;
        this.dialect = dialect;
    }

    /**
     * Rows are claimed only when no earlier row to the same recipient is still waiting or in flight, which keeps
     * each recipient's replies in order across threads and instances; rows of paused channels are not claimed.
     * The "no earlier row" condition is written per database ({@link SqlDialect#noneOf}): on H2 each status is
     * asked with an equality, so the look-up stays within the (channel, recipient, status) prefix of the recipient
     * index instead of walking the recipient's whole history of sent replies; PostgreSQL plans the {@code IN} form
     * well and the split one badly. What each form measured: docs/benchmarks-delivery.md, "The claim query".
     */
    private static final String CLAIMABLE = "SELECT o.id, o.channel, o.recipient, o.payload, o.attempts, o.last_error "
            + "FROM outbox_message o WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? %s"
            + "AND NOT EXISTS (SELECT 1 FROM channel_pause p WHERE p.channel = o.channel) %s"
            + "ORDER BY o.id FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED";
    /** An earlier row to the same recipient, with {@code %s} for the condition on its status. */
    private static final String EARLIER = "SELECT 1 FROM outbox_message e "
            + "WHERE e.channel = o.channel AND e.recipient = o.recipient AND %s AND e.id < o.id";
    /** The statuses of a row still waiting or in flight. */
    private static final List<String> UNFINISHED = List.of("'PENDING'", "'SENDING'");

    /**
     * A claimed row.
     *
     * @param message      what to send
     * @param recipient    the ordering key
     * @param attempts     attempts counted before this one
     * @param claimedUntil when the claim lapses; also the claim's identity when its outcome is written
     * @param lastError    the error of the previous attempt, or {@code null}
     * @param conversation the id of the conversation whose turn wrote it (the delivery's log lines), or {@code null}
     * @param optOutNotice whether it answers an opt-out keyword, and so goes to an address that opted out
     */
    public record Claimed(OutboundMessage message, String recipient, int attempts, Instant claimedUntil,
                          String lastError, Long conversation, boolean optOutNotice) {
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
                insert.setString(5, ReplyPayload.json(reply));
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

    private String noneBefore(Connection connection) throws SQLException {
        return "AND " + dialect.noneOf(connection, EARLIER, "e.status", UNFINISHED) + " ";
    }

    /**
     * Claims due rows for sending until {@code leaseUntil}.
     *
     * @param connection a transaction's connection
     * @param now        the current time
     * @param leaseUntil when the claim lapses if this instance dies
     * @param limit      the most rows to claim
     * @param skip       channels not to claim for now (their local queue is full)
     * @return the claimed rows, oldest first
     * @throws SQLException on a database error
     */
    public List<Claimed> claim(Connection connection, Instant now, Instant leaseUntil, int limit, Set<String> skip)
            throws SQLException {
        // the lease doubles as the claim's fencing token, so it must survive the database's timestamp precision
        Instant lease = leaseUntil.truncatedTo(ChronoUnit.MILLIS);
        String skipped = skip.isEmpty() ? "" : "AND o.channel NOT IN (" + "?, ".repeat(skip.size() - 1) + "?) ";
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                String.format(CLAIMABLE, noneBefore(connection), skipped, limit))) {
            select.setObject(1, now.atOffset(ZoneOffset.UTC));
            int index = 2;
            for (String channel : skip) {
                select.setString(index++, channel);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ReplyPayload payload = ReplyPayload.read(rows.getString(4));
                    claimed.add(new Claimed(payload.message(rows.getLong(1), rows.getString(2)), rows.getString(3),
                            rows.getInt(5), lease, rows.getString(6), payload.conversation(),
                            payload.isOptOutNotice()));
                }
            }
        }
        if (!claimed.isEmpty()) {
            // one statement for the whole claim: under load a claim holds a thousand rows or more
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE outbox_message SET status = 'SENDING', claimed_until = ? WHERE id = ANY (?)")) {
                update.setObject(1, lease.atOffset(ZoneOffset.UTC));
                update.setArray(2, connection.createArrayOf("BIGINT",
                        claimed.stream().map(row -> row.message().id()).toArray(Long[]::new)));
                update.executeUpdate();
            }
        }
        return claimed;
    }

    /**
     * Records the outcome of send attempts: the rows' new state, their attempts in the history, and the pauses
     * they caused. A successful attempt is kept in its row ({@code send_ms}, its end {@code sent_at}), a failed one
     * in {@code outbox_attempt}: one write for a sent reply. A row whose claim lapsed and was claimed again meanwhile
     * keeps its newer state; its attempt, successful or not, is still recorded in {@code outbox_attempt}, since it
     * happened.
     *
     * @param connection a transaction's connection
     * @param outcomes   the outcomes
     * @throws SQLException on a database error
     */
    public void record(Connection connection, List<DeliveryOutcome> outcomes) throws SQLException {
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_message SET status = ?, "
                + "attempts = ?, next_attempt_at = ?, claimed_until = NULL, sent_at = ?, send_ms = ?, reference = ?, "
                + "last_error = ? WHERE id = ? AND status = 'SENDING' AND claimed_until = ?")) {
            for (DeliveryOutcome outcome : outcomes) {
                Attempt sent = sentAttempt(outcome);
                update.setString(1, outcome.status().name());
                update.setInt(2, outcome.attempts());
                update.setObject(3, outcome.nextAttemptAt().atOffset(ZoneOffset.UTC));
                if (outcome.status() != OutboxStatus.SENT) {
                    update.setObject(4, null);
                    update.setNull(5, Types.BIGINT);
                } else if (sent == null) {
                    update.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                    update.setNull(5, Types.BIGINT);
                } else {
                    update.setObject(4, sent.at().plusMillis(sent.durationMs()).atOffset(ZoneOffset.UTC));
                    update.setLong(5, sent.durationMs());
                }
                update.setString(6, outcome.reference());
                update.setString(7, cut(outcome.error()));
                update.setLong(8, outcome.id());
                update.setObject(9, outcome.claimedUntil().atOffset(ZoneOffset.UTC));
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        List<DeliveryOutcome> history = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            DeliveryOutcome outcome = outcomes.get(i);
            // a successful attempt is in its row, unless the row's claim had lapsed and the update missed it
            if (outcome.attempt() != null && (sentAttempt(outcome) == null || updated[i] == 0)) {
                history.add(outcome);
            }
        }
        attempts.insert(connection, history);
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.pause() != null) {
                pauses.pause(connection, outcome.pause());
            }
        }
    }

    /** @return the outcome's attempt if it is the successful one, or {@code null} */
    private static Attempt sentAttempt(DeliveryOutcome outcome) {
        Attempt attempt = outcome.attempt();
        return outcome.status() == OutboxStatus.SENT && attempt != null && attempt.outcome() == AttemptOutcome.SENT
                ? attempt : null;
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

    /**
     * Deletes sent replies created before a cutoff, with their attempt history, reading the outbox in id order from
     * just after {@code afterId}. Replies waiting, being sent or dead-lettered are never deleted.
     *
     * @param connection a transaction's connection
     * @param afterId    where the previous step stopped (0 at first)
     * @param cutoff     replies created before this instant may go
     * @param limit      the most rows to read in this step
     * @return how many were deleted, where the scan got to, and whether there may be more before the cutoff
     * @throws SQLException on a database error
     */
    public PurgeStep purgeSent(Connection connection, long afterId, Instant cutoff, int limit) throws SQLException {
        // a suppressed row is as finished as a sent one: nothing more will happen to it
        return PurgeStep.run(connection, "outbox_message", "created_at",
                Set.of(OutboxStatus.SENT.name(), OutboxStatus.SUPPRESSED.name()),
                List.of("DELETE FROM outbox_attempt WHERE message_id = ?"), afterId, cutoff, limit);
    }

    static String cut(String error) {
        return error == null ? null : error.substring(0, Math.min(error.length(), 2000));
    }
}
