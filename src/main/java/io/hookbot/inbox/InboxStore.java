package io.hookbot.inbox;

import io.hookbot.inbox.journal.NewEvent;
import io.hookbot.api.Event;
import io.hookbot.db.PurgeStep;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The inbox table's SQL. Plain JDBC on the caller's transaction: the same statements run on H2 (PostgreSQL mode)
 * and PostgreSQL, and batching plus {@code ON CONFLICT DO NOTHING} keep the acknowledgement path short.
 * An event's status moves PENDING -> DONE | FAILED, or PENDING -> HELD -> DONE | FAILED when the sequencer holds
 * it behind a missing batch.
 */
@Singleton
public class InboxStore {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
    static final String HELD = "HELD";

    private static final String INSERT = "INSERT INTO inbox_event "
            + "(channel, dedupe_key, conversation_key, event_type, payload, status, received_at) "
            + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT DO NOTHING";

    /**
     * An event read back for processing.
     *
     * @param id    its inbox id
     * @param event the event
     */
    public record StoredEvent(long id, Event event) implements StoredRow {
    }

    /**
     * Inserts events, skipping those already stored.
     *
     * @param connection the transaction's connection
     * @param events     the events
     * @return for each event, whether it was inserted (false: a duplicate)
     * @throws SQLException on a database error
     */
    public boolean[] insert(Connection connection, List<NewEvent> events) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (NewEvent event : events) {
                insert.setString(1, event.channel());
                insert.setString(2, event.dedupeKey());
                insert.setString(3, event.conversation());
                insert.setString(4, event.type());
                insert.setString(5, event.payload());
                insert.setObject(6, event.receivedAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            boolean[] inserted = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                inserted[i] = counts[i] > 0;
            }
            return inserted;
        }
    }

    /**
     * Which of some dedupe keys a channel's inbox already holds.
     *
     * @param connection a connection
     * @param channel    the channel
     * @param keys       dedupe keys
     * @return those of them already stored
     * @throws SQLException on a database error
     */
    public Set<String> existing(Connection connection, String channel, Collection<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        // one index look-up per key: H2 answers "dedupe_key IN (?, ?, ...)" by reading the channel's every row
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM inbox_event WHERE channel = ? AND dedupe_key = ?")) {
            select.setString(1, channel);
            for (String key : keys) {
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        found.add(key);
                    }
                }
            }
        }
        return found;
    }

    /**
     * @param connection a connection
     * @param limit      the most to return
     * @return conversations that have pending events
     * @throws SQLException on a database error
     */
    public List<ConversationRef> conversationsWithPendingEvents(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT channel, conversation_key "
                + "FROM inbox_event WHERE status = 'PENDING' FETCH FIRST " + limit + " ROWS ONLY")) {
            List<ConversationRef> result = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    result.add(new ConversationRef(rows.getString(1), rows.getString(2)));
                }
            }
            return result;
        }
    }

    /**
     * Deletes turned ({@code DONE}) events received before a cutoff, reading the inbox in id order from just after
     * {@code afterId}. Ids follow arrival, so the scan stops at the first event received at or after the cutoff.
     * Events pending, held or failed are never deleted.
     *
     * @param connection a transaction's connection
     * @param afterId    where the previous step stopped (0 at first)
     * @param cutoff     events received before this instant may go
     * @param limit      the most events to read in this step
     * @return how many were deleted, where the scan got to, and whether there may be more before the cutoff
     * @throws SQLException on a database error
     */
    public PurgeStep purgeDone(Connection connection, long afterId, Instant cutoff, int limit) throws SQLException {
        return PurgeStep.run(connection, "inbox_event", "received_at", DONE, List.of(), afterId, cutoff, limit);
    }

    /**
     * @param connection the transaction's connection (which holds the conversation's lock)
     * @param ref        the conversation
     * @param limit      the most to return
     * @return its pending events and batch markers, oldest first
     * @throws SQLException on a database error
     */
    public List<StoredRow> pending(Connection connection, ConversationRef ref, int limit) throws SQLException {
        return select(connection, ref, PENDING, limit);
    }

    /**
     * @param connection the transaction's connection (which holds the conversation's lock)
     * @param ref        the conversation
     * @param afterId    return only events stored after this one
     * @param limit      the most to return
     * @return its pending events and batch markers stored after {@code afterId}, oldest first
     * @throws SQLException on a database error
     */
    public List<StoredRow> pendingAfter(Connection connection, ConversationRef ref, long afterId, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_type, payload "
                + "FROM inbox_event WHERE status = ? AND channel = ? AND conversation_key = ? AND id > ? "
                + "ORDER BY status, channel, conversation_key, id "
                + "FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, PENDING);
            select.setString(2, ref.channel());
            select.setString(3, ref.key());
            select.setLong(4, afterId);
            return read(select);
        }
    }

    /**
     * @param connection the transaction's connection (which holds the conversation's lock)
     * @param ref        the conversation
     * @return its events and batch markers held behind a gap by the sequencer, oldest first
     * @throws SQLException on a database error
     */
    public List<StoredRow> held(Connection connection, ConversationRef ref) throws SQLException {
        return select(connection, ref, HELD, 100_000);
    }

    /**
     * Moves events out of the pending ones: the sequencer holds them behind a gap.
     *
     * @param connection the transaction's connection
     * @param ids        the events
     * @throws SQLException on a database error
     */
    public void hold(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE inbox_event SET status = 'HELD' WHERE id = ?")) {
            for (long id : ids) {
                update.setLong(1, id);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /**
     * Marks a conversation's oldest pending event failed without reading it: the way past an event whose turn cannot
     * be taken at all (its payload unreadable, or what the turn writes refused by the database), so that the
     * conversation's later events are turned. The event stays, with its error, for the admin API.
     *
     * @param connection the transaction's connection
     * @param ref        the conversation
     * @param error      why, without the event's values
     * @return the event's id, or empty if nothing was pending
     * @throws SQLException on a database error
     */
    public OptionalLong failOldestPending(Connection connection, ConversationRef ref, String error)
            throws SQLException {
        long id;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM inbox_event "
                + "WHERE status = 'PENDING' AND channel = ? AND conversation_key = ? "
                + "ORDER BY status, channel, conversation_key, id FETCH FIRST 1 ROWS ONLY")) {
            select.setString(1, ref.channel());
            select.setString(2, ref.key());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return OptionalLong.empty();
                }
                id = rows.getLong(1);
            }
        }
        finish(connection, List.of(id), Collections.singletonList(error));
        return OptionalLong.of(id);
    }

    private List<StoredRow> select(Connection connection, ConversationRef ref, String status, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, event_type, payload "
                + "FROM inbox_event "
                // ordered by the whole index, not just id: equal to ORDER BY id here, and H2 then reads the index in
                // order and stops at the limit; ordered by id alone it read and sorted every pending event of the
                // conversation first, so a busy conversation slowed as its backlog grew (docs/benchmarks.md, "The
                // pending-events query reads 32 rows")
                + "WHERE status = ? AND channel = ? AND conversation_key = ? "
                + "ORDER BY status, channel, conversation_key, id "
                + "FETCH FIRST " + limit + " ROWS ONLY")) {
            select.setString(1, status);
            select.setString(2, ref.channel());
            select.setString(3, ref.key());
            return read(select);
        }
    }

    private static List<StoredRow> read(PreparedStatement select) throws SQLException {
        List<StoredRow> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(EventCodec.decodeRow(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
        }
        return result;
    }

    /**
     * Records how each event's turn ended, with no turn record (batch markers, an event failed before its turn).
     *
     * @param connection the transaction's connection
     * @param ids        the events
     * @param errors     for each event, {@code null} if its turn succeeded, otherwise the error
     * @throws SQLException on a database error
     */
    public void finish(Connection connection, List<Long> ids, List<String> errors) throws SQLException {
        finish(connection, ids, errors, Collections.nCopies(ids.size(), null));
    }

    /**
     * Records how each event's turn ended, and what it decided ({@link TurnRecords}), in the same UPDATE.
     *
     * @param connection the transaction's connection
     * @param ids        the events
     * @param errors     for each event, {@code null} if its turn succeeded, otherwise the error
     * @param records    for each event, its turn's record, or {@code null}
     * @throws SQLException on a database error
     */
    public void finish(Connection connection, List<Long> ids, List<String> errors, List<String> records)
            throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement update = connection.prepareStatement("UPDATE inbox_event SET status = ?, "
                + "processed_at = ?, last_error = ?, " + TurnRecords.COLUMN + " = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                String error = errors.get(i);
                update.setString(1, error == null ? DONE : FAILED);
                update.setObject(2, now);
                update.setString(3, error == null ? null : abbreviate(error));
                update.setString(4, records.get(i));
                update.setLong(5, ids.get(i));
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String abbreviate(String error) {
        return error.length() <= 2000 ? error : error.substring(0, 1999) + "…";
    }
}
