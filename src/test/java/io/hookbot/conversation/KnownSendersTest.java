package io.hookbot.conversation;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.db.SqlDialect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Known senders remembered in memory: only once their recording committed, and then without a statement. */
class KnownSendersTest {

    private Connection connection;
    private final KnownSenders senders = new KnownSenders(new SqlDialect("jdbc:h2:mem:"));

    @BeforeEach
    void table() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:known-" + System.nanoTime() + ";MODE=PostgreSQL");
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TABLE known_sender (channel VARCHAR(100) NOT NULL, sender_id VARCHAR(300) NOT NULL,"
                    + " first_event_id BIGINT NOT NULL, first_seen TIMESTAMP WITH TIME ZONE NOT NULL,"
                    + " CONSTRAINT pk_known_sender PRIMARY KEY (channel, sender_id))");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void aTurnThatRolledBackFindsItsFirstMessageFirstAgain() throws SQLException {
        MessageReceived hello = message("+15550001");
        assertTrue(senders.recordMessage(connection, 1, hello));
        connection.rollback();
        // the pass did not commit, so nothing was remembered: the retried turn asks the table again
        assertTrue(senders.recordMessage(connection, 1, hello), "still the sender's first message");
        connection.commit();
        senders.committed(List.of(hello));
        assertFalse(senders.recordMessage(connection, 2, message("+15550001")));
    }

    @Test
    void aRememberedSenderCostsNoStatement() throws SQLException {
        MessageReceived hello = message("+15550002");
        senders.recordMessage(connection, 1, hello);
        connection.commit();
        senders.committed(List.of(hello));
        Connection unusable = unusable();
        assertFalse(senders.recordMessage(unusable, 2, message("+15550002")));
        assertThrows(SQLException.class, () -> senders.recordMessage(unusable, 3, message("+15550003")),
                "a sender not remembered is asked of the table");
    }

    @Test
    void pastItsSizeTheMemoryStartsOverAndTheTableStillAnswers() throws SQLException {
        MessageReceived first = message("+15550004");
        senders.recordMessage(connection, 1, first);
        connection.commit();
        senders.committed(List.of(first));
        List<MessageReceived> many = new java.util.ArrayList<>();
        for (int i = 0; i < KnownSenders.REMEMBERED; i++) {
            many.add(message("+1666" + i));
        }
        senders.committed(many);
        // forgotten from memory (so asked of the table), and still known to the table
        assertThrows(SQLException.class, () -> senders.recordMessage(unusable(), 9, message("+15550004")));
        assertFalse(senders.recordMessage(connection, 9, message("+15550004")));
    }

    /** A connection that fails whatever is asked of it. */
    private static Connection unusable() {
        return (Connection) Proxy.newProxyInstance(KnownSendersTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    throw new SQLException("no statement expected: " + method.getName());
                });
    }

    private static MessageReceived message(String phone) {
        return new MessageReceived("sms-main", "conv-" + phone, User.of(phone), "hi", MessageKind.TEXT, List.of(),
                "ext", Instant.parse("2026-01-05T12:00:00Z"), null, Map.of());
    }
}
