package io.hookbot.conversation;

import io.hookbot.api.MessageReceived;
import io.hookbot.db.SqlDialect;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The senders each channel has had a message from ({@code known_sender}), so a rule can tell a sender's first
 * message from the next ones. Written on the caller's transaction, the turn's: the row and the turn commit or roll
 * back together. Every message is recorded, whether or not a rule asks, so that a rule added later knows who wrote
 * before it.
 *
 * <p>A plain table, but written by hand, not as a Micronaut Data repository: it is on the path of every message's
 * turn, the first-message answer comes from an insert that skips a duplicate ({@code ON CONFLICT DO NOTHING}: a
 * repository's save would raise on it, which aborts the turn's whole transaction on PostgreSQL), and on H2 it reads
 * first ({@link SqlDialect#readsBeforeIdleWrites}).
 *
 * <p>A sender once known stays known (no row is ever deleted), so the senders of messages whose recording has
 * committed are remembered here and their next messages cost no statement at all: nearly every message is from a
 * known sender, and its read was one of a turn's dozen statements. Only what committed is remembered (the caller
 * says so, {@link #committed}), so a turn that rolls back and runs again still finds its first message first.
 * At most {@value #REMEMBERED} are kept; past that the memory starts over.
 */
@Singleton
public class KnownSenders {

    private static final String KNOWN = "SELECT 1 FROM known_sender WHERE channel = ? AND sender_id = ?";
    private static final String FIRST = "SELECT first_event_id FROM known_sender WHERE channel = ? AND sender_id = ?";
    private static final String INSERT = "INSERT INTO known_sender (channel, sender_id, first_event_id, first_seen) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /** The most senders remembered at once. */
    static final int REMEMBERED = 100_000;

    private final SqlDialect dialect;
    private final Set<String> remembered = ConcurrentHashMap.newKeySet();

    public KnownSenders(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Records that a message's sender has written on its channel.
     *
     * @param connection the turn's transaction
     * @param eventId    the message's inbox id
     * @param message    the message
     * @return whether it is the first message from that sender on that channel
     * @throws SQLException on a database error
     */
    public boolean recordMessage(Connection connection, long eventId, MessageReceived message) throws SQLException {
        if (message.sender() == null || remembered.contains(key(message))) {
            return false;
        }
        // nearly every message comes from a known sender, so the insert nearly always conflicts: where that costs
        // more than a read (SqlDialect says where, docs/benchmarks.md "Read before write" what it measured), read
        // first
        if (dialect.readsBeforeIdleWrites(connection) && known(connection, message)) {
            return false;
        }
        // concurrent first messages of one sender in two conversations: the second insert waits for the first
        // transaction and then does nothing, so exactly one of them is the first
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, message.channel());
            insert.setString(2, message.sender().id());
            insert.setLong(3, eventId);
            insert.setObject(4, OffsetDateTime.ofInstant(message.timestamp(), ZoneOffset.UTC));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Whether a message is its sender's first on its channel, as {@link #recordMessage} found or would find it, with
     * nothing written: the sender is not known yet, or became known by this very message.
     *
     * @param connection a connection
     * @param eventId    the message's inbox id
     * @param message    the message
     * @return whether its turn sees it as the sender's first message
     * @throws SQLException on a database error
     */
    public boolean isFirstMessage(Connection connection, long eventId, MessageReceived message) throws SQLException {
        if (message.sender() == null) {
            return false;
        }
        try (PreparedStatement first = connection.prepareStatement(FIRST)) {
            first.setString(1, message.channel());
            first.setString(2, message.sender().id());
            try (ResultSet row = first.executeQuery()) {
                return !row.next() || row.getLong(1) == eventId;
            }
        }
    }

    /**
     * Remembers the senders of messages {@link #recordMessage recorded} in a transaction that has now committed.
     *
     * @param recorded the messages
     */
    public void committed(List<MessageReceived> recorded) {
        if (remembered.size() + recorded.size() > REMEMBERED) {
            remembered.clear();
        }
        for (MessageReceived message : recorded) {
            if (message.sender() != null) {
                remembered.add(key(message));
            }
        }
    }

    private static String key(MessageReceived message) {
        return message.channel() + '\n' + message.sender().id();
    }

    private static boolean known(Connection connection, MessageReceived message) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement(KNOWN)) {
            known.setString(1, message.channel());
            known.setString(2, message.sender().id());
            try (ResultSet row = known.executeQuery()) {
                return row.next();
            }
        }
    }
}
