package io.hookbot.admin;

import io.hookbot.db.DurableWrites;
import io.hookbot.outbox.AttemptStore;
import io.hookbot.outbox.DeliveryWorker;
import io.hookbot.outbox.OutboxQueries;
import io.hookbot.outbox.OutboxRow;
import io.hookbot.outbox.OutboxStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outbox side of the admin API: listing rows, showing one with its attempts, retrying a dead letter. */
@Singleton
public class OutboxAdminService {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxAdminService.class);

    private final TransactionOperations<Connection> transactions;
    private final DurableWrites durability;
    private final OutboxQueries queries;
    private final AttemptStore attempts;
    private final DeliveryWorker delivery;

    public OutboxAdminService(TransactionOperations<Connection> transactions, OutboxQueries queries,
                              AttemptStore attempts, DeliveryWorker delivery, DurableWrites durability) {
        this.transactions = transactions;
        this.durability = durability;
        this.queries = queries;
        this.attempts = attempts;
        this.delivery = delivery;
    }

    /**
     * @param status  only rows in this status, or {@code null}
     * @param channel only rows of this channel, or {@code null}
     * @param page    the page, from 0
     * @param size    rows per page
     * @return {@code items} (newest first), {@code page}, {@code size} and {@code total}
     */
    public Map<String, Object> list(OutboxStatus status, String channel, int page, int size) {
        OutboxQueries.Page found = transactions.executeRead(
                s -> queries.list(s.getConnection(), status, channel, page, size));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", found.rows().stream().map(row -> OutboxRowView.of(row, null)).toList());
        body.put("page", page);
        body.put("size", size);
        body.put("total", found.total());
        return body;
    }

    /**
     * @param id a row id
     * @return the row with its attempt history
     * @throws AdminException 404 if there is no such row
     */
    public OutboxRowView show(long id) {
        return transactions.executeRead(s -> {
            OutboxRow row = queries.find(s.getConnection(), id)
                    .orElseThrow(() -> AdminException.notFound("there is no outbox row " + id));
            return OutboxRowView.of(row, attempts.of(s.getConnection(), id));
        });
    }

    /**
     * Puts a dead-lettered row back in line with a fresh attempt budget.
     *
     * @param id a row id
     * @return the row, now waiting
     * @throws AdminException 404 if there is no such row, 409 if it is not dead-lettered
     */
    public OutboxRowView retry(long id) {
        // the row is read in the retry's transaction: the delivery worker may claim it as soon as it commits
        OutboxRowView retried = durability.executeWrite(s -> {
            switch (queries.retry(s.getConnection(), id, Instant.now())) {
                case NOT_FOUND -> throw AdminException.notFound("there is no outbox row " + id);
                case NOT_FAILED -> throw AdminException.conflict("outbox row " + id
                        + " is not dead-lettered (status FAILED); only those can be retried");
                default -> {
                    return OutboxRowView.of(queries.find(s.getConnection(), id).orElseThrow(),
                            attempts.of(s.getConnection(), id));
                }
            }
        });
        LOG.info("Outbox row {} put back in line by the admin API", id);
        delivery.wake();
        return retried;
    }
}
