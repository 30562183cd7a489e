package io.hookbot.bot.guard;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The guardrails' counters, in the database, on the caller's transaction (the turn's): cooldowns, messages per
 * conversation per minute, and how often each guardrail blocked a rule. Same SQL on H2 (PostgreSQL mode) and
 * PostgreSQL.
 *
 * <p>Cooldowns may be shared by conversations that two instances process at the same moment (a user's cooldown,
 * a rule's), so claiming one is a single conditional {@code UPDATE}, or an {@code INSERT … ON CONFLICT DO NOTHING}
 * when the row is new: the second of two concurrent claims waits for the first's row lock (or unique key) and,
 * once the first commits, finds the cooldown taken. The reply counts and block counts are per conversation and
 * only written under the conversation's lock, so a read followed by a write is safe for them.
 */
@Singleton
public class GuardLedger {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    /**
     * Takes a cooldown if it is free: no firing recorded for the subject, or the last one at least {@code length}
     * ago.
     *
     * @param connection the turn's connection
     * @param bot        the bot
     * @param rule       the rule
     * @param subject    who the cooldown is for ({@code user:<channel>:<id>}, {@code conversation:…}, {@code rule})
     * @param now        the time of the turn
     * @param length     the cooldown
     * @return whether it was free and is now taken until {@code now + length}
     * @throws SQLException on a database error
     */
    public boolean claimCooldown(Connection connection, String bot, String rule, String subject, Instant now,
                                 Duration length) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE guardrail_cooldown SET fired_at = ? "
                + "WHERE bot = ? AND rule_name = ? AND subject = ? AND fired_at <= ?")) {
            update.setObject(1, utc(now));
            update.setString(2, bot);
            update.setString(3, rule);
            update.setString(4, subject);
            update.setObject(5, utc(now.minus(length)));
            if (update.executeUpdate() > 0) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO guardrail_cooldown "
                + "(bot, rule_name, subject, fired_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, bot);
            insert.setString(2, rule);
            insert.setString(3, subject);
            insert.setObject(4, utc(now));
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * @param connection the turn's connection, holding the conversation's lock
     * @param channel    the channel
     * @param key        the conversation key
     * @param now        the time of the turn
     * @return the messages sent into the conversation in its current one-minute window
     * @throws SQLException on a database error
     */
    public int repliesThisMinute(Connection connection, String channel, String key, Instant now) throws SQLException {
        Window window = window(connection, channel, key);
        return window == null || window.expiredAt(now) ? 0 : window.replies();
    }

    /**
     * Adds messages to the conversation's count: to its current window, or to a new one starting now when the last
     * started a minute or more ago.
     *
     * @param connection the turn's connection, holding the conversation's lock
     * @param channel    the channel
     * @param key        the conversation key
     * @param now        the time of the turn
     * @param messages   how many
     * @throws SQLException on a database error
     */
    public void addReplies(Connection connection, String channel, String key, Instant now, int messages)
            throws SQLException {
        Window window = window(connection, channel, key);
        if (window == null) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO guardrail_reply_rate "
                    + "(channel, conversation_key, window_start, replies) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, channel);
                insert.setString(2, key);
                insert.setObject(3, utc(now));
                insert.setInt(4, messages);
                insert.executeUpdate();
            }
            return;
        }
        boolean fresh = window.expiredAt(now);
        try (PreparedStatement update = connection.prepareStatement("UPDATE guardrail_reply_rate "
                + "SET window_start = ?, replies = ? WHERE channel = ? AND conversation_key = ?")) {
            update.setObject(1, utc(fresh ? now : window.start()));
            update.setInt(2, fresh ? messages : window.replies() + messages);
            update.setString(3, channel);
            update.setString(4, key);
            update.executeUpdate();
        }
    }

    /**
     * Counts a blocked firing, per conversation, rule and guardrail, for the operator.
     *
     * @param connection the turn's connection, holding the conversation's lock
     * @param channel    the channel (for a schedule, {@code ~schedule})
     * @param key        the conversation key (for a schedule, the rule)
     * @param firing     the rule that was blocked
     * @param guardrail  what blocked it
     * @throws SQLException on a database error
     */
    public void countBlock(Connection connection, String channel, String key, FiredRule firing, Guardrail guardrail)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE guardrail_block "
                + "SET blocked = blocked + 1, last_blocked_at = ? "
                + "WHERE channel = ? AND conversation_key = ? AND bot = ? AND rule_name = ? AND guardrail = ?")) {
            update.setObject(1, utc(firing.now()));
            update.setString(2, channel);
            update.setString(3, key);
            update.setString(4, firing.bot());
            update.setString(5, firing.rule());
            update.setString(6, guardrail.written());
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO guardrail_block "
                + "(channel, conversation_key, bot, rule_name, guardrail, blocked, last_blocked_at) "
                + "VALUES (?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, channel);
            insert.setString(2, key);
            insert.setString(3, firing.bot());
            insert.setString(4, firing.rule());
            insert.setString(5, guardrail.written());
            insert.setObject(6, utc(firing.now()));
            insert.executeUpdate();
        }
    }

    private static Window window(Connection connection, String channel, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT window_start, replies "
                + "FROM guardrail_reply_rate WHERE channel = ? AND conversation_key = ?")) {
            select.setString(1, channel);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return new Window(row.getObject(1, OffsetDateTime.class).toInstant(), row.getInt(2));
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private record Window(Instant start, int replies) {
        boolean expiredAt(Instant now) {
            return !now.isBefore(start.plus(MINUTE));
        }
    }
}
