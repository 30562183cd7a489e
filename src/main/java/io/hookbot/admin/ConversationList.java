package io.hookbot.admin;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

    private final TransactionOperations<Connection> transactions;

    public ConversationList(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @param channel only this channel's, or {@code null}
     * @param user    only conversations whose key contains this (a phone number, a user id, a room), or {@code null}
     * @param text    only conversations with an event whose stored form contains this, or {@code null}
     * @param limit   the most to list
     * @param before  the cursor of the previous page's last conversation, or {@code null} for the newest
     * @return {@code conversations} and, when there are more, {@code next}: the cursor for the next page
     */
    public Map<String, Object> list(String channel, String user, String text, int limit, Cursor before) {
        return transactions.executeRead(s -> {
            Connection connection = s.getConnection();
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
            if (text != null) {
                // one pass over the events, not one per conversation: no index leads with the conversation's key
                sql.append(" AND (channel, conversation_key) IN (SELECT e.channel, e.conversation_key "
                        + "FROM inbox_event e WHERE " + lowered("e.payload", text) + " LIKE ? ESCAPE '!'"
                        + (channel == null ? "" : " AND e.channel = ?") + ")");
                values.add(like(text));
                if (channel != null) {
                    values.add(channel);
                }
            }
            if (before != null) {
                sql.append(" AND (" + LAST_ACTIVITY + " < ? OR (" + LAST_ACTIVITY + " = ? AND id < ?))");
                OffsetDateTime at = before.lastActivity().atOffset(ZoneOffset.UTC);
                values.addAll(List.of(NEVER, at, NEVER, at, before.id()));
            }
            sql.append(" ORDER BY " + LAST_ACTIVITY + " DESC, id DESC FETCH FIRST " + (limit + 1) + " ROWS ONLY");
            values.add(NEVER);
            List<Map<String, Object>> found = new ArrayList<>();
            Cursor next = null;
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    select.setObject(i + 1, values.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    boolean more = false;
                    while (rows.next()) {
                        if (found.size() == limit) {
                            more = true;
                            break;
                        }
                        found.add(ConversationSummary.read(connection, rows));
                        next = new Cursor(rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getLong(1));
                    }
                    Map<String, Object> page = new LinkedHashMap<>();
                    page.put("conversations", found);
                    if (more) {
                        page.put("next", next.text());
                    }
                    return page;
                }
            }
        });
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
