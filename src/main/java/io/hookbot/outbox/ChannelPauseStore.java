package io.hookbot.outbox;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Paused channels ({@code channel_pause}). Kept in the database, not in memory, so a pause survives restarts and
 * every instance sharing the database honours it.
 *
 * <p>A plain table, but three hand-written statements rather than a Micronaut Data repository: a pause is written
 * inside the transaction that records the send's outcome, on the connection that transaction passes
 * ({@code OutboxStore.record}), keeping the first reason takes an insert that skips a duplicate (a native query
 * even in a repository), and the claim query reads the table in SQL of its own ({@code OutboxStore}). A repository
 * would be a second way of reaching the same transaction for no statement it could write better.
 */
@Singleton
public class ChannelPauseStore {

    /**
     * Pauses a channel; a channel already paused keeps its first reason.
     *
     * @param connection a transaction's connection
     * @param pause      the pause
     * @throws SQLException on a database error
     */
    void pause(Connection connection, ChannelPause pause) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO channel_pause "
                + "(channel, reason, status_code, message_id, paused_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, pause.channel());
            insert.setString(2, OutboxStore.cut(pause.reason() == null ? "" : pause.reason()));
            insert.setInt(3, pause.statusCode());
            insert.setLong(4, pause.messageId());
            insert.setObject(5, pause.pausedAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /**
     * @param connection a connection
     * @return the paused channels, by name
     * @throws SQLException on a database error
     */
    public List<ChannelPause> all(Connection connection) throws SQLException {
        List<ChannelPause> result = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT channel, reason, status_code, message_id, "
                + "paused_at FROM channel_pause ORDER BY channel");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                result.add(new ChannelPause(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getLong(4),
                        AttemptStore.instant(rows, 5)));
            }
        }
        return result;
    }

    /**
     * Resumes a channel: its waiting replies become claimable again.
     *
     * @param connection a transaction's connection
     * @param channel    the channel
     * @return whether it was paused
     * @throws SQLException on a database error
     */
    public boolean resume(Connection connection, String channel) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM channel_pause WHERE channel = ?")) {
            delete.setString(1, channel);
            return delete.executeUpdate() > 0;
        }
    }
}
