package io.hookbot.outbox;

import io.hookbot.metrics.ReplyMeters;
import io.hookbot.optout.OptOutGate;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The opt-out check again where the delivery loop claims rows, in the claim's transaction: a row written before its
 * recipient opted out (waiting behind another, for a retry, or while its channel was paused) is marked
 * {@code SUPPRESSED} instead of sent. Rows a turn handed to delivery at once were checked as they were written, an
 * instant before; they are not asked again.
 */
@Singleton
class ClaimedOptOuts {

    private final OptOutGate gate;
    private final ReplyMeters meters;

    ClaimedOptOuts(OptOutGate gate, ReplyMeters meters) {
        this.gate = gate;
        this.meters = meters;
    }

    /**
     * @param transaction the claim's transaction
     * @param claimed     the rows it claimed
     * @return those still to send; the others are marked suppressed on the transaction, and counted once it commits
     * @throws SQLException on a database error
     */
    List<OutboxStore.Claimed> allowed(TransactionStatus<Connection> transaction, List<OutboxStore.Claimed> claimed)
            throws SQLException {
        if (claimed.isEmpty()) {
            return claimed;
        }
        OptOutGate.Check check = gate.check(transaction.getConnection());
        check.prefetch(claimed.stream().filter(row -> !row.optOutNotice()).map(row -> new OptOutGate.Outbound(
                row.message().channel(), row.message().replyTo(), row.recipient())).toList());
        List<OutboxStore.Claimed> allowed = new ArrayList<>(claimed.size());
        List<String> suppressedChannels = new ArrayList<>();
        try (PreparedStatement update = transaction.getConnection().prepareStatement("UPDATE outbox_message "
                + "SET status = 'SUPPRESSED', claimed_until = NULL, last_error = ? "
                + "WHERE id = ? AND status = 'SENDING' AND claimed_until = ?")) {
            for (OutboxStore.Claimed row : claimed) {
                Optional<String> reason = row.optOutNotice() ? Optional.empty() : check.suppression(
                        row.message().channel(), row.message().replyTo(), row.recipient());
                if (reason.isEmpty()) {
                    allowed.add(row);
                    continue;
                }
                update.setString(1, reason.get());
                update.setLong(2, row.message().id());
                update.setObject(3, row.claimedUntil().atOffset(ZoneOffset.UTC));
                update.addBatch();
                suppressedChannels.add(row.message().channel());
            }
            if (!suppressedChannels.isEmpty()) {
                update.executeBatch();
                transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        suppressedChannels.forEach(meters::suppressed);
                    }
                });
            }
        }
        return allowed;
    }
}
