package io.hookbot.admin;

import io.hookbot.search.SearchIndexer;
import io.hookbot.search.SearchWords;
import io.hookbot.search.WordIndex;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.hookbot.admin.ConversationSummary.COLUMNS;
import static io.hookbot.admin.ConversationSummary.LAST_ACTIVITY;
import static io.hookbot.admin.ConversationSummary.NEVER;

/**
 * The conversations, newest activity first, filtered and paged with a cursor (the last turn's time and the id),
 * each with what waits, was held or failed in it ({@link ConversationSummary}); one conversation's whole story is
 * its {@link ConversationTimeline}.
 */
@Singleton
public class ConversationList {

    /**
     * The newest conversations a text search looks at one by one before it looks the words up (see
     * {@code searched}).
     */
    static final int LOOKED_AT_FIRST = 200;
    /** The most words a text search takes. */
    public static final int MAX_WORDS = 10;

    private final TransactionOperations<Connection> transactions;
    private final SearchIndexer indexer;

    public ConversationList(TransactionOperations<Connection> transactions, SearchIndexer indexer) {
        this.transactions = transactions;
        this.indexer = indexer;
    }

    /**
     * @param text a text search, as typed
     * @return its words ({@link SearchWords})
     * @throws AdminException 400 naming {@code q} if it has no word, or more than {@link #MAX_WORDS}
     */
    public static List<String> words(String text) {
        List<String> words = SearchWords.of(text);
        if (words.isEmpty()) {
            throw AdminException.invalid("q", "has no word to search for: the search finds words (letters and "
                    + "digits) and symbols such as emoji, not punctuation or spaces");
        }
        if (words.size() > MAX_WORDS) {
            throw AdminException.invalid("q", "has more than " + MAX_WORDS + " words");
        }
        return words;
    }

    /**
     * @return when the newest event the text index holds was received, if the index is noticeably behind (a text
     *         search may miss messages received since)
     */
    public java.util.Optional<Instant> textIndexBehind() {
        return indexer.behind(Instant.now());
    }

    /**
     * @param channel only this channel's, or {@code null}
     * @param user    only conversations whose key contains this (a phone number, a user id, a room), or {@code null}
     * @param text    only conversations with, for each word of this ({@link SearchWords}), a message whose text has a
     *                word beginning with it, or {@code null}
     * @param limit   the most to list
     * @param before  the cursor of the previous page's last conversation, or {@code null} for the newest
     * @return {@code conversations} and, when there are more, {@code next}: the cursor for the next page
     */
    public Map<String, Object> list(String channel, String user, String text, int limit, Cursor before) {
        List<String> words = text == null ? null : words(text);
        return transactions.executeRead(s -> {
            Connection connection = s.getConnection();
            List<Listed> found;
            if (words == null) {
                found = select(connection, channel, user, null, before, limit + 1);
            } else {
                found = searched(connection, channel, user, words, before, limit + 1);
            }
            List<Map<String, Object>> conversations = new ArrayList<>();
            for (Listed conversation : found.subList(0, Math.min(limit, found.size()))) {
                conversations.add(ConversationSummary.read(connection, conversation.id(), conversation.channel(),
                        conversation.key(), conversation.turns(), conversation.lastTurnAt()));
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("conversations", conversations);
            if (found.size() > limit) {
                page.put("next", found.get(limit - 1).cursor().text());
            }
            return page;
        });
    }

    /**
     * The conversations with every word, newest first, found the cheaper of two ways, which give the same rows. The
     * words are counted first in the index, up to {@link WordIndex#RARE} rows each: a word with none ends the search;
     * with a rare word, its conversations are found by it (one range of the index) and each is checked for the
     * other words. When every word is common, most of the newest conversations have them: the newest
     * {@link #LOOKED_AT_FIRST} are checked one by one (an index look-up each), which finds a page among them; only
     * if they hold too few does the search go on by the words from where that stopped.
     */
    private List<Listed> searched(Connection connection, String channel, String user, List<String> words,
                                  Cursor before, int wanted) throws SQLException {
        WordIndex.Counted counted = WordIndex.count(connection, words, channel);
        if (counted.none()) {
            return List.of();
        }
        if (counted.rare()) {
            List<Object> values = new ArrayList<>();
            String condition = WordIndex.byRarest(counted, channel, values);
            return select(connection, channel, user, new Condition(condition, values), before, wanted);
        }
        List<Listed> newest = select(connection, channel, user, null, before, LOOKED_AT_FIRST);
        List<Listed> found = new ArrayList<>();
        if (!newest.isEmpty()) {
            List<Object> values = new ArrayList<>();
            StringBuilder ids = new StringBuilder();
            for (Listed conversation : newest) {
                ids.append(ids.isEmpty() ? "?" : ", ?");
                values.add(conversation.id());
            }
            String condition = WordIndex.everyWordOf(words, values);
            java.util.Set<Long> having = new java.util.HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id FROM conversation c WHERE c.id IN ("
                    + ids + ") AND " + condition)) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        having.add(rows.getLong(1));
                    }
                }
            }
            for (Listed conversation : newest) {
                if (having.contains(conversation.id()) && found.size() < wanted) {
                    found.add(conversation);
                }
            }
        }
        if (found.size() == wanted || newest.size() < LOOKED_AT_FIRST) {
            return found;
        }
        List<Object> values = new ArrayList<>();
        String condition = WordIndex.byRarest(counted, channel, values);
        found.addAll(select(connection, channel, user, new Condition(condition, values),
                newest.get(newest.size() - 1).cursor(), wanted - found.size()));
        return found;
    }

    /** A condition of a query and its values. */
    private record Condition(String sql, List<Object> values) {
    }

    /**
     * A conversation found.
     *
     * @param id         its id
     * @param channel    its channel
     * @param key        its key
     * @param turns      its turns
     * @param lastTurnAt its last turn, or {@code null}
     * @param cursor     where a page ending with it ends
     */
    private record Listed(long id, String channel, String key, long turns, OffsetDateTime lastTurnAt, Cursor cursor) {
    }

    private static List<Listed> select(Connection connection, String channel, String user, Condition condition,
                                       Cursor before, int fetch) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversation c WHERE 1 = 1");
        List<Object> values = new ArrayList<>(List.of(NEVER));
        if (channel != null) {
            sql.append(" AND channel = ?");
            values.add(channel);
        }
        if (user != null) {
            sql.append(" AND " + lowered("conversation_key", user) + " LIKE ? ESCAPE '!'");
            values.add(like(user));
        }
        if (condition != null) {
            sql.append(" AND ").append(condition.sql());
            values.addAll(condition.values());
        }
        if (before != null) {
            sql.append(" AND (" + LAST_ACTIVITY + " < ? OR (" + LAST_ACTIVITY + " = ? AND id < ?))");
            OffsetDateTime at = before.lastActivity().atOffset(ZoneOffset.UTC);
            values.addAll(List.of(NEVER, at, NEVER, at, before.id()));
        }
        sql.append(" ORDER BY " + LAST_ACTIVITY + " DESC, id DESC FETCH FIRST " + fetch + " ROWS ONLY");
        values.add(NEVER);
        List<Listed> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Listed(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                            rows.getObject(5, OffsetDateTime.class),
                            new Cursor(rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(1))));
                }
            }
        }
        return found;
    }

    /**
     * @param column a column
     * @param value  the text searched for in it
     * @return the column in lower case; the column as it is when the text has no letter that has a case (digits, a
     *         phone number), which finds the same rows without lowering every row's value
     */
    private static String lowered(String column, String value) {
        boolean cased = !value.toLowerCase(Locale.ROOT).equals(value.toUpperCase(Locale.ROOT));
        return cased ? "LOWER(" + column + ")" : column;
    }

    private static String like(String value) {
        String escaped = value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /**
     * Where a page of conversations ended: its last conversation's activity time and id.
     *
     * @param lastActivity the time, to the microsecond (as the databases keep it)
     * @param id           the id
     */
    public record Cursor(Instant lastActivity, long id) {

        /** @return the cursor as the API shows it: microseconds since 1970, a dash, the id */
        public String text() {
            long micros = lastActivity.getEpochSecond() * 1_000_000L + lastActivity.getNano() / 1_000;
            return micros + "-" + id;
        }

        /**
         * @param text a cursor as {@link #text()} wrote it
         * @return the cursor
         * @throws AdminException 400 naming {@code before} if it is not one
         */
        public static Cursor parse(String text) {
            int dash = text.indexOf('-', 1);
            try {
                if (dash < 0 || text.length() > 40) {
                    throw new NumberFormatException();
                }
                long micros = Long.parseLong(text.substring(0, dash));
                long id = Long.parseLong(text.substring(dash + 1));
                return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L), id);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                throw AdminException.invalid("before", "is not a cursor this API gave (the 'next' of a page)");
            }
        }
    }
}
