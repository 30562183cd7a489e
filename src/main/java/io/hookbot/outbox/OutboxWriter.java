package io.hookbot.outbox;

import io.hookbot.channel.OutboundMessage;
import io.hookbot.metrics.ReplyMeters;
import io.hookbot.optout.OptOutGate;
import io.hookbot.worker.SafeErrors;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a turn's replies in the turn's transaction and, once it commits, hands those that can go out now to the
 * {@link DeliveryWorker}: "written already claimed, handed off after commit" is this class's job alone.
 *
 * <p>A row is written {@code SENDING} with a lease, ready for this instance's delivery worker, when the worker takes
 * work for its channel now ({@link DeliveryWorker#accepting}) and no earlier reply to the same recipient is still
 * waiting or in flight (so per-recipient order holds). Every other row is written {@code PENDING} and claimed by the
 * delivery loop in order. This saves a claim transaction per reply on the common path; should this instance die
 * before sending, the lease lapses and another instance sends it. The hand-off runs as the transaction's
 * after-commit hook, so nothing is sent that did not commit, and the caller has nothing to remember after its
 * commit.
 *
 * <p>Every outbound message passes here, whatever made it (a rule's reply or send, a schedule, a plugin), so this is
 * where opt-outs are honoured: a row to an address that opted out on its channel's scope ({@link OptOutGate}, read
 * on the same transaction, after the turn's own keyword) is written {@code SUPPRESSED} with the reason instead of
 * waiting, and counted as {@code hookbot_replies_total{outcome="suppressed"}} once the transaction commits. The
 * answer to an opt-out keyword itself ({@link NewReply#optOutNotice()}) passes.
 */
@Singleton
public class OutboxWriter {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWriter.class);
    private static final String INSERT = "INSERT INTO outbox_message (event_id, action_index, channel, recipient, "
            + "payload, status, attempts, next_attempt_at, claimed_until, created_at, last_error) "
            + "VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    private final DeliveryWorker delivery;
    private final Duration lease;
    private final OptOutGate optOuts;
    private final ReplyMeters meters;

    public OutboxWriter(DeliveryWorker delivery, DeliverySettings settings, OptOutGate optOuts, ReplyMeters meters) {
        this.delivery = delivery;
        this.lease = settings.lease();
        this.optOuts = optOuts;
        this.meters = meters;
    }

    /**
     * Writes a turn's replies on the transaction's connection, claiming at once those that can go out now, and
     * registers their hand-off to the delivery worker (and a wake-up of its loop for the rest) to run after the
     * transaction commits. A reply already written for the same (event, action) is left alone.
     *
     * @param transaction the turn's transaction, not yet committed
     * @param replies     the replies, in the order the turn produced them
     * @throws SQLException on a database error
     */
    public void writeAndHandOff(TransactionStatus<Connection> transaction, List<NewReply> replies)
            throws SQLException {
        if (replies.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Written written = write(transaction.getConnection(), replies, now, now.plus(lease));
        if (written.claimed().isEmpty() && written.queued() == 0 && written.suppressed().isEmpty()) {
            return;
        }
        transaction.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                written.suppressed().forEach(meters::suppressed);
                try {
                    delivery.handOff(written.claimed());
                    if (written.queued() > 0) {
                        delivery.wake();
                    }
                } catch (RuntimeException e) {
                    // committed: the rows written claimed are sent by the loop once their lease lapses
                    LOG.warn("Could not hand {} committed replies to delivery; they are sent once their claim lapses: "
                            + "{}", written.claimed().size(), SafeErrors.describe(e));
                }
            }
        });
    }

    /**
     * What {@link #write} wrote.
     *
     * @param claimed rows written already claimed by this instance, to hand straight to the delivery worker
     * @param queued  rows written waiting in line ({@code PENDING}), for the delivery loop to claim
     * @param suppressed the channel of each row written {@code SUPPRESSED}, counted after the commit
     */
    private record Written(List<OutboxStore.Claimed> claimed, int queued, List<String> suppressed) {
    }

    private Written write(Connection connection, List<NewReply> replies, Instant now, Instant leaseUntil)
            throws SQLException {
        // the lease doubles as the claim's fencing token, so it must survive the database's timestamp precision
        Instant claimedUntil = leaseUntil.truncatedTo(ChronoUnit.MILLIS);
        OffsetDateTime created = now.atOffset(ZoneOffset.UTC);
        Map<String, Boolean> clear = new HashMap<>();
        List<OutboxStore.Claimed> claimed = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        OptOutGate.Check optedOut = optOuts.check(connection);
        // one look-up for the pass's recipients, not one each
        optedOut.prefetch(replies.stream().filter(reply -> !reply.optOutNotice())
                .map(reply -> new OptOutGate.Outbound(reply.channel(), reply.replyTo(), reply.recipient())).toList());
        int queued = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            for (NewReply reply : replies) {
                Optional<String> suppression = reply.optOutNotice() ? Optional.empty()
                        : optedOut.suppression(reply.channel(), reply.replyTo(), reply.recipient());
                if (suppression.isPresent()) {
                    if (insertSuppressed(insert, reply, created, suppression.get())) {
                        suppressed.add(reply.channel());
                    }
                    continue;
                }
                String line = reply.channel() + "\u0000" + reply.recipient();
                boolean sendNow = delivery.accepting(reply.channel()) && lineClear(connection, clear, line, reply);
                insert.setLong(1, reply.eventId());
                insert.setInt(2, reply.actionIndex());
                insert.setString(3, reply.channel());
                insert.setString(4, reply.recipient());
                insert.setString(5, ReplyPayload.json(reply));
                insert.setString(6, sendNow ? OutboxStatus.SENDING.name() : OutboxStatus.PENDING.name());
                insert.setObject(7, created);
                insert.setObject(8, sendNow ? claimedUntil.atOffset(ZoneOffset.UTC) : null);
                insert.setObject(9, created);
                insert.setString(10, null);
                if (insert.executeUpdate() == 0) {
                    continue;
                }
                if (!sendNow) {
                    // everything after a waiting row to the same recipient waits too
                    clear.put(line, false);
                    queued++;
                    continue;
                }
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no id for a new outbox row");
                    }
                    claimed.add(new OutboxStore.Claimed(new OutboundMessage(keys.getLong(1), reply.channel(),
                            reply.replyTo(), reply.text(), reply.attachments()), reply.recipient(), 0, claimedUntil,
                            null, reply.conversation(), reply.optOutNotice()));
                }
            }
        }
        return new Written(claimed, queued, suppressed);
    }

    /** Writes a row that is never to be sent, with why; its id is not needed. */
    private static boolean insertSuppressed(PreparedStatement insert, NewReply reply, OffsetDateTime created,
                                            String reason) throws SQLException {
        insert.setLong(1, reply.eventId());
        insert.setInt(2, reply.actionIndex());
        insert.setString(3, reply.channel());
        insert.setString(4, reply.recipient());
        insert.setString(5, ReplyPayload.json(reply));
        insert.setString(6, OutboxStatus.SUPPRESSED.name());
        insert.setObject(7, created);
        insert.setObject(8, null);
        insert.setObject(9, created);
        insert.setString(10, reason);
        return insert.executeUpdate() > 0;
    }

    /** Whether no earlier reply to the reply's recipient is waiting or in flight; asked once per recipient. */
    private static boolean lineClear(Connection connection, Map<String, Boolean> known, String line, NewReply reply)
            throws SQLException {
        Boolean clear = known.get(line);
        if (clear == null) {
            // one equality per status, within the recipient index's prefix, on both databases (see OutboxStore)
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM outbox_message WHERE "
                    + "channel = ? AND recipient = ? AND status = ? FETCH FIRST 1 ROWS ONLY")) {
                clear = true;
                for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.SENDING)) {
                    select.setString(1, reply.channel());
                    select.setString(2, reply.recipient());
                    select.setString(3, status.name());
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            clear = false;
                            break;
                        }
                    }
                }
            }
            known.put(line, clear);
        }
        return clear;
    }
}
