package io.hookbot.search;

import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.inbox.EventCodec;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of the word index ({@code conversation_word}): writing a message's words, and the condition a search puts
 * on the conversations. A word is stored as its folded form's UTF-8 bytes ({@link SearchWords}); a search word
 * matches every stored word it begins, which is the range of bytes from the word to the word with its last byte
 * one higher (UTF-8 never holds a byte {@code 0xFF}, so the increment never carries, and byte order is the order of
 * code points: the prefixes form one range of the primary key).
 */
public final class WordIndex {

    /** Rows of the index under which a word is rare: its conversations are found by it. */
    public static final int RARE = 1_000;

    /** The {@code event_type} of a message, the only events with a text ({@link EventCodec#typeOf}). */
    static final String MESSAGE = "message";

    private static final String MERGE = "MERGE INTO conversation_word w USING (VALUES (CAST(? AS BYTEA), "
            + "CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(300)), CAST(? AS BIGINT))) AS v (word, channel, "
            + "conversation_key, event_id) ON w.word = v.word AND w.channel = v.channel "
            + "AND w.conversation_key = v.conversation_key "
            + "WHEN MATCHED AND w.event_id < v.event_id THEN UPDATE SET event_id = v.event_id "
            + "WHEN NOT MATCHED THEN INSERT (word, channel, conversation_key, event_id) "
            + "VALUES (v.word, v.channel, v.conversation_key, v.event_id)";

    private WordIndex() {
    }

    /**
     * A stored event as the indexer reads it.
     *
     * @param id           its id
     * @param channel      its channel
     * @param conversation its conversation key
     * @param type         its {@code event_type}
     * @param payload      its stored form
     */
    record Row(long id, String channel, String conversation, String type, String payload) {
    }

    /**
     * Adds the words of the message texts among some events (others have none). Each word of a conversation is one
     * row, pointing at the newest of these events that has it (or the newer one already there). Idempotent: the same
     * events again change nothing.
     *
     * @param connection the indexer's transaction
     * @param rows       events
     * @return how many rows could not be read (left out of the index)
     * @throws SQLException on a database error
     */
    static int add(Connection connection, List<Row> rows) throws SQLException {
        Map<Key, Long> newest = new HashMap<>();
        int unreadable = 0;
        for (Row row : rows) {
            if (!MESSAGE.equals(row.type())) {
                continue;
            }
            String text;
            try {
                Event event = EventCodec.decode(row.payload());
                text = event instanceof MessageReceived message ? message.text() : null;
            } catch (RuntimeException e) {
                unreadable++;
                continue;
            }
            for (String word : SearchWords.of(text)) {
                newest.merge(new Key(word, row.channel(), row.conversation()), row.id(), Math::max);
            }
        }
        write(connection, newest);
        return unreadable;
    }

    /**
     * Writes words, each with the newest event that has it.
     *
     * @param connection a transaction
     * @param newest     the words of conversations, each with an event id
     * @throws SQLException on a database error
     */
    static void write(Connection connection, Map<Key, Long> newest) throws SQLException {
        if (newest.isEmpty()) {
            return;
        }
        // in key order, so that two writers (an indexer and a purge) take the rows' locks in the same order
        List<Map.Entry<Key, Long>> sorted = new ArrayList<>(newest.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
            for (Map.Entry<Key, Long> entry : sorted) {
                merge.setBytes(1, bytes(entry.getKey().word()));
                merge.setString(2, entry.getKey().channel());
                merge.setString(3, entry.getKey().conversation());
                merge.setLong(4, entry.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    /**
     * Counts each word's rows in the index, up to {@link #RARE}.
     *
     * @param connection a connection
     * @param words      the search's words ({@link SearchWords#of}), at least one
     * @param channel    the channel the search is limited to, or {@code null}
     * @return the words with their counts
     * @throws SQLException on a database error
     */
    public static Counted count(Connection connection, List<String> words, String channel) throws SQLException {
        String rarest = null;
        int fewest = Integer.MAX_VALUE;
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM (SELECT 1 FROM "
                + "conversation_word w WHERE w.word >= ? AND w.word < ?" + (channel == null ? "" : " AND w.channel = ?")
                + " FETCH FIRST " + RARE + " ROWS ONLY) t")) {
            for (String word : words) {
                List<Object> values = new ArrayList<>();
                range(word, values);
                if (channel != null) {
                    values.add(channel);
                }
                for (int i = 0; i < values.size(); i++) {
                    count.setObject(i + 1, values.get(i));
                }
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    int rows = row.getInt(1);
                    if (rows < fewest) {
                        fewest = rows;
                        rarest = word;
                    }
                }
            }
        }
        return new Counted(words, rarest, fewest);
    }

    /**
     * The search's words, and the one with the fewest rows in the index.
     *
     * @param words  the words
     * @param rarest the word with the fewest rows
     * @param rows   its rows, counted up to {@link #RARE}
     */
    public record Counted(List<String> words, String rarest, int rows) {

        /** @return whether a word has no row: no conversation has every word */
        public boolean none() {
            return rows == 0;
        }

        /** @return whether a word has fewer than {@link #RARE} rows */
        public boolean rare() {
            return rows < RARE;
        }
    }

    /**
     * The condition that a conversation (a row {@code c} of {@code conversation}) has a word beginning with each of
     * the words: among the conversations of the rarest word (one range of the primary key), those that have the
     * others (a look-up by the conversation each).
     *
     * @param counted the words, counted
     * @param channel the channel the search is limited to, or {@code null}
     * @param values  the query's parameter values, which the condition's are added to
     * @return the condition, to add to a query with {@code AND}
     */
    public static String byRarest(Counted counted, String channel, List<Object> values) {
        StringBuilder sql = new StringBuilder("(c.channel, c.conversation_key) IN (SELECT w.channel, "
                + "w.conversation_key FROM conversation_word w WHERE w.word >= ? AND w.word < ?"
                + (channel == null ? "" : " AND w.channel = ?") + ")");
        range(counted.rarest(), values);
        if (channel != null) {
            values.add(channel);
        }
        List<String> others = new ArrayList<>(counted.words());
        others.remove(counted.rarest());
        if (!others.isEmpty()) {
            sql.append(" AND ").append(everyWordOf(others, values));
        }
        return sql.toString();
    }

    /**
     * The condition that a conversation (a row {@code c} of {@code conversation}) has a word beginning with each of
     * some words, looked up by the conversation (its own words): the form for a few conversations known already.
     *
     * @param words  the search's words, at least one
     * @param values the query's parameter values, which the condition's are added to
     * @return the condition
     */
    public static String everyWordOf(List<String> words, List<Object> values) {
        StringBuilder sql = new StringBuilder();
        for (String word : words) {
            if (!sql.isEmpty()) {
                sql.append(" AND ");
            }
            sql.append("EXISTS (SELECT 1 FROM conversation_word w WHERE w.channel = c.channel "
                    + "AND w.conversation_key = c.conversation_key AND w.word >= ? AND w.word < ?)");
            range(word, values);
        }
        return sql.toString();
    }

    private static void range(String word, List<Object> values) {
        byte[] from = bytes(word);
        byte[] to = from.clone();
        to[to.length - 1]++;
        values.add(from);
        values.add(to);
    }

    static byte[] bytes(String word) {
        return word.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A word of a conversation.
     *
     * @param word         folded
     * @param channel      the conversation's channel
     * @param conversation its key
     */
    record Key(String word, String channel, String conversation) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int by = word.compareTo(other.word);
            by = by != 0 ? by : channel.compareTo(other.channel);
            return by != 0 ? by : conversation.compareTo(other.conversation);
        }
    }
}
