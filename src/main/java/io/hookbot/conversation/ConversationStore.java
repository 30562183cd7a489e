package io.hookbot.conversation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.db.SqlDialect;
import jakarta.inject.Singleton;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation table's SQL, on the caller's transaction. Written by hand, not as a Micronaut Data repository:
 * the lock is a {@code SKIP LOCKED} claim where instances share the database and a plain read where one process
 * owns it ({@link SqlDialect#lockedAgainstOtherProcesses}), and both it and the save are on the path of every turn.
 */
@Singleton
public class ConversationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STATE = new TypeReference<>() { };

    private static final String READ = "SELECT id, state, turns FROM conversation "
            + "WHERE channel = ? AND conversation_key = ?";

    /**
     * Where the database may be shared by several instances, the row is locked against them; an embedded H2 file is
     * opened by one process at a time (H2 locks its file), and in one process the dispatcher never gives a
     * conversation to two threads at once, so there it is read without a lock ({@link
     * SqlDialect#lockedAgainstOtherProcesses}; what the lock cost on H2: docs/benchmarks.md, "No FOR UPDATE on H2").
     */
    private final SqlDialect dialect;

    public ConversationStore(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Locks a conversation for the rest of the transaction (on a database instances share), creating it on first use.
     *
     * @param connection the transaction's connection
     * @param channel    the channel
     * @param key        the conversation key
     * @return the conversation, or empty if another transaction (another thread or instance) holds it
     * @throws SQLException on a database error
     */
    public Optional<Conversation> lock(Connection connection, String channel, String key) throws SQLException {
        Optional<Conversation> locked = select(connection, channel, key);
        if (locked.isPresent() || exists(connection, channel, key)) {
            return locked;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO conversation "
                + "(channel, conversation_key, state, turns) VALUES (?, ?, '{}', 0) ON CONFLICT DO NOTHING")) {
            insert.setString(1, channel);
            insert.setString(2, key);
            insert.executeUpdate();
        }
        return select(connection, channel, key);
    }

    private Optional<Conversation> select(Connection connection, String channel, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(dialect.lockedAgainstOtherProcesses(connection, READ))) {
            select.setString(1, channel);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Conversation(row.getLong(1), channel, key, readState(row.getString(2)),
                        row.getLong(3)));
            }
        }
    }

    private boolean exists(Connection connection, String channel, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM conversation WHERE channel = ? AND conversation_key = ?")) {
            select.setString(1, channel);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Reads a conversation without locking it (the admin API's dry run).
     *
     * @param connection a connection
     * @param id         the conversation's id
     * @return it, or empty when there is none
     * @throws SQLException on a database error
     */
    public Optional<Conversation> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT channel, conversation_key, state, turns FROM conversation WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Conversation(id, row.getString(1), row.getString(2),
                        readState(row.getString(3)), row.getLong(4)));
            }
        }
    }

    /**
     * Locks a conversation by id for the rest of the transaction, as a turn does, for work outside a turn that must
     * not interleave with one (the admin API's hand-off, release and agent's message; the idle release's sweep).
     *
     * @param connection the transaction's connection
     * @param id         the conversation's id
     * @param wait       {@code true} to wait for a turn that holds it (a short wait: a pass is one transaction);
     *                   {@code false} to skip it where instances share the database, as turns do
     * @return the conversation, or empty if there is none (or, not waiting, another transaction holds it)
     * @throws SQLException on a database error
     */
    public Optional<Conversation> lock(Connection connection, long id, boolean wait) throws SQLException {
        String read = "SELECT channel, conversation_key, state, turns FROM conversation WHERE id = ?";
        try (PreparedStatement select = connection.prepareStatement(wait ? read + " FOR UPDATE"
                : dialect.lockedAgainstOtherProcesses(connection, read))) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Conversation(id, row.getString(1), row.getString(2),
                        readState(row.getString(3)), row.getLong(4)));
            }
        }
    }

    /**
     * Saves a conversation's state after its turns.
     *
     * @param connection   the transaction's connection, holding the lock
     * @param conversation the conversation with its new state and turn count
     * @throws SQLException on a database error
     */
    public void save(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE conversation SET state = ?, turns = ?, last_turn_at = ? WHERE id = ?")) {
            update.setString(1, writeState(conversation.state()));
            update.setLong(2, conversation.turns());
            update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            update.setLong(4, conversation.id());
            update.executeUpdate();
        }
    }

    private static Map<String, String> readState(String json) {
        try {
            return JSON.readValue(json, STATE);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String writeState(Map<String, String> state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
