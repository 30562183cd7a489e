package io.hookbot.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Ages the word index out with the inbox ({@code hookbot.inbox.retention}): a word of a conversation goes when the
 * newest message that had it was deleted, and stays while an older message that has it is kept (the retention keeps
 * events that are not done: their words are written again from them). Reads the index in the order of the events
 * its words point at, from where the last step stopped, and stops at the first event the retention has not come to
 * yet (received after the cutoff, or done and not deleted yet), so it never runs ahead of the retention. Like the
 * retention's own scan, the position is kept in memory: after a restart it reads the index from the start once.
 */
final class WordPurge {

    /** Events looked at per transaction. */
    static final int STEP = 1_000;

    private long through;

    /** @return the last event id looked at */
    long through() {
        return through;
    }

    /**
     * One step: up to {@value #STEP} of the events the index points at, in id order.
     *
     * @param connection a transaction (the indexer's, holding the cursor's lock)
     * @param cutoff     events received before this may have been deleted by the retention
     * @return whether there may be more to do at once
     * @throws SQLException on a database error
     */
    boolean step(Connection connection, Instant cutoff) throws SQLException {
        List<Long> pointed = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT event_id FROM conversation_word "
                + "WHERE event_id > ? ORDER BY event_id FETCH FIRST " + STEP + " ROWS ONLY")) {
            select.setLong(1, through);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pointed.add(rows.getLong(1));
                }
            }
        }
        if (pointed.isEmpty()) {
            return false;
        }
        Map<Long, Boolean> kept = new HashMap<>();  // id -> whether the retention has passed it (kept for good)
        try (PreparedStatement select = connection.prepareStatement("SELECT id, status, received_at FROM inbox_event "
                + "WHERE id IN (" + marks(pointed.size()) + ")")) {
            for (int i = 0; i < pointed.size(); i++) {
                select.setLong(i + 1, pointed.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    boolean old = rows.getObject(3, OffsetDateTime.class).toInstant().isBefore(cutoff);
                    kept.put(rows.getLong(1), old && !"DONE".equals(rows.getString(2)));
                }
            }
        }
        List<Long> gone = new ArrayList<>();
        boolean reachedRetention = false;
        for (long id : pointed) {
            Boolean passed = kept.get(id);
            if (passed != null && !passed) {
                reachedRetention = true;  // still there and due to be deleted later, or not old enough yet
                break;
            }
            if (passed == null) {
                gone.add(id);
            }
            through = id;
        }
        if (!gone.isEmpty()) {
            forget(connection, gone);
        }
        return !reachedRetention && pointed.size() == STEP;
    }

    /** Deletes the words that point at deleted events, then writes again those older kept events still have. */
    private static void forget(Connection connection, List<Long> gone) throws SQLException {
        Map<List<String>, Long> conversations = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT channel, conversation_key, "
                + "event_id FROM conversation_word WHERE event_id IN (" + marks(gone.size()) + ")")) {
            for (int i = 0; i < gone.size(); i++) {
                select.setLong(i + 1, gone.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    conversations.merge(List.of(rows.getString(1), rows.getString(2)), rows.getLong(3), Math::max);
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM conversation_word WHERE event_id = ?")) {
            for (long id : gone) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        // any other message with a word deleted here is older than the word's event (which was its newest)
        List<WordIndex.Row> older = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, channel, conversation_key, "
                + "event_type, payload FROM inbox_event WHERE status IN ('PENDING', 'HELD', 'FAILED', 'DONE') "
                + "AND channel = ? AND conversation_key = ? AND id < ? AND event_type = '" + WordIndex.MESSAGE + "'")) {
            for (Map.Entry<List<String>, Long> conversation : conversations.entrySet()) {
                select.setString(1, conversation.getKey().get(0));
                select.setString(2, conversation.getKey().get(1));
                select.setLong(3, conversation.getValue());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        older.add(new WordIndex.Row(rows.getLong(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5)));
                    }
                }
            }
        }
        WordIndex.add(connection, older);
    }

    private static String marks(int count) {
        StringJoiner marks = new StringJoiner(", ");
        for (int i = 0; i < count; i++) {
            marks.add("?");
        }
        return marks.toString();
    }
}
