package io.hookbot.outbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A reply sent at the first try keeps that attempt in its own row, not in the history table; a send whose claim had
 * lapsed (its row claimed again meanwhile) still leaves its attempt in the history. Either way the admin API and
 * the timeline read the same attempts.
 */
@OnEachDatabase
class SentAttemptTests {

    @Parameter
    TestDatabase db;

    TestApp app;
    OutboxStore store;
    AttemptStore attempts;
    TransactionOperations<Connection> transactions;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void start() {
        Database database = db.fresh();
        // delivery off: the test claims and records itself
        app = TestApp.on(database).with(TestChannel.smsGateway("sms-main").secret("s"))
                .with("hookbot.delivery.enabled", false).start();
        store = app.context().getBean(OutboxStore.class);
        attempts = app.context().getBean(AttemptStore.class);
        transactions = app.context().getBean(TransactionOperations.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aFirstTrySuccessIsInItsRowAndALapsedClaimsInTheHistory() {
        // two recipients: a claim takes one recipient's replies one at a time
        Outbox.sms(app, "sms-main", "+1", "first");
        Outbox.sms(app, "sms-main", "+2", "second");
        Instant lease = Instant.now().plus(Duration.ofMinutes(2));
        List<OutboxStore.Claimed> claimed = transactions.executeWrite(s ->
                store.claim(s.getConnection(), Instant.now(), lease, 10, Set.of()));
        assertEquals(2, claimed.size());
        // the database keeps microseconds
        Instant started = Instant.now().minusMillis(40).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Attempt sent = new Attempt(started, 40, AttemptOutcome.SENT, null, null, null);
        OutboxStore.Claimed first = claimed.get(0);
        OutboxStore.Claimed second = claimed.get(1);
        transactions.executeWrite(s -> {
            store.record(s.getConnection(), List.of(
                    new DeliveryOutcome(first.message().id(), first.claimedUntil(), OutboxStatus.SENT, 1,
                            Instant.now(), "ref-1", null, sent, null),
                    // the claim this send was made under is not the row's any more
                    new DeliveryOutcome(second.message().id(), second.claimedUntil().minusSeconds(60),
                            OutboxStatus.SENT, 1, Instant.now(), "ref-2", null, sent, null)));
            return null;
        });

        assertEquals(0, app.count("SELECT COUNT(*) FROM outbox_attempt WHERE message_id = " + first.message().id()));
        assertEquals(List.of(sent), read(first.message().id()), "the row's own attempt, exactly as it was");
        assertEquals("SENDING", app.query("SELECT status FROM outbox_message WHERE id = " + second.message().id())
                .get(0).get("status").toString(), "a lapsed claim's outcome does not overwrite the row");
        assertEquals(List.of(sent), read(second.message().id()), "the lapsed send's attempt is in the history");
    }

    private List<Attempt> read(long id) {
        return transactions.executeRead(s -> attempts.of(s.getConnection(), id));
    }
}
