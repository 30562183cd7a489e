package io.hookbot.bot.guard;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guardrails in a running hookbot, through real SMS gateway webhooks and a real database: the bot's own number is
 * not answered, a cooldown holds per user across conversations, the reply cap holds per conversation, quiet hours
 * hold, blocked firings are counted, and of two concurrent claims of one cooldown only one wins. Runs on H2 and on
 * PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class GuardrailTests {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String BOT_NUMBER = "+15550100";
    static final AtomicInteger IDS = new AtomicInteger(100);

    FakeGateway gateway;
    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void setUp() {
        gateway = new FakeGateway();
        app = TestApp.on(database())
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").self(BOT_NUMBER).sendUrl(gateway.url())
                        .sendApiKey("api-key-1"));
    }

    @AfterEach
    void tearDown() {
        app.close();
        gateway.close();
    }

    /** A message from a phone on a SIM (the SIM is part of the conversation key) with a fresh id. */
    private void sms(String phone, int sim, String text) {
        String body = "secret=demo-secret&type=sms&data%5Bid%5D=" + IDS.incrementAndGet() + "&data%5Bsim%5D=" + sim
                + "&data%5Bdevice%5D=dev-1&data%5Bphone%5D=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + "&data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
    }

    private void awaitTurns(int done) {
        Eventually.await(done + " turns taken",
                () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") == done);
    }

    private long outbox() {
        return app.count("SELECT COUNT(*) FROM outbox_message");
    }

    private long blocked(String guardrail) {
        return app.count("SELECT COALESCE(SUM(blocked), 0) FROM guardrail_block WHERE guardrail = '" + guardrail + "'");
    }

    @Test
    void theBotsOwnNumberIsNeverAnsweredAndTheBlockIsCounted() {
        app.rules("bot.yml", """
                bot: echo
                rules:
                  - then: [{reply: "you said {{text}}"}]
                """).start();

        sms(BOT_NUMBER, 1, "you said hello");
        awaitTurns(1);
        assertEquals(0, outbox());
        assertEquals(1, blocked("ignore-self"));

        sms("+15550001", 1, "hello");
        awaitTurns(2);
        assertEquals(1, outbox());
    }

    @Test
    void aCooldownPerUserHoldsAcrossTheirConversationsAndNotForOthers() {
        app.rules("bot.yml", """
                bot: desk
                rules:
                  - name: closed
                    guardrails: { cooldown: 6h }
                    then: [{reply: "We are closed."}]
                """).start();

        sms("+15550001", 1, "hello");
        awaitTurns(1);
        sms("+15550001", 2, "anyone?");
        awaitTurns(2);
        sms("+15550002", 1, "hello");
        awaitTurns(3);

        assertEquals(2, outbox(), "one answer for +15550001 (two conversations), one for +15550002");
        assertEquals(1, blocked("cooldown"));
        assertEquals(2, app.count("SELECT COUNT(*) FROM guardrail_cooldown"));
    }

    @Test
    void theReplyCapHoldsPerConversationPerMinute() {
        app.rules("bot.yml", """
                bot: chatty
                guardrails: { replies-per-minute: 3 }
                rules:
                  - then: [{reply: "ok"}]
                """).start();

        for (int i = 0; i < 5; i++) {
            sms("+15550001", 1, "message " + i);
        }
        sms("+15550002", 1, "another conversation");
        awaitTurns(6);

        assertEquals(4, outbox(), "3 in the first conversation, 1 in the other");
        assertEquals(2, blocked("replies-per-minute"));
    }

    @Test
    void quietHoursBlockReplyingRulesButNotRulesThatOnlyRememberState() {
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        LocalTime now = LocalTime.now(ZoneOffset.UTC);
        app.rules("bot.yml", """
                bot: night
                guardrails:
                  quiet-hours: { from: "%s", to: "%s", zone: UTC }
                rules:
                  - name: remember
                    then: [{set: {seen: "yes"}}]
                    continue: true
                  - name: answer
                    then: [{reply: "hi"}]
                """.formatted(now.minusHours(2).format(hhmm), now.plusHours(2).format(hhmm))).start();

        sms("+15550001", 1, "hello");
        awaitTurns(1);

        assertEquals(0, outbox());
        assertEquals(1, blocked("quiet-hours"));
        String state = (String) app.query("SELECT state FROM conversation").get(0).get("state");
        assertTrue(state.contains("seen"), state);
    }

    private boolean isPostgres() throws java.sql.SQLException {
        try (Connection c = app.connect()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
    }

    private long sessionsWaitingOnALock() {
        return app.count("SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                + "AND datname = current_database()");
    }

    @Test
    void ofTwoConcurrentClaimsOfOneCooldownOnlyOneWins() throws Exception {
        app.rules("bot.yml", "bot: any\nrules:\n  - then: []\n").start();
        GuardLedger ledger = new GuardLedger();
        Instant now = Instant.parse("2024-05-06T12:00:00Z");
        Duration sixHours = Duration.ofHours(6);
        try (Connection first = app.connect();
             Connection second = app.connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            assertTrue(ledger.claimCooldown(first, "b", "r", "user:sms-main:+1", now, sixHours));
            // the second waits for the first's uncommitted row, then finds it taken
            CompletableFuture<Boolean> contender = CompletableFuture.supplyAsync(() -> {
                try {
                    return ledger.claimCooldown(second, "b", "r", "user:sms-main:+1", now.plusSeconds(1), sixHours);
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (isPostgres()) {
                // PostgreSQL makes the second wait for the first's unique key; H2 refuses it at once, also safe
                Eventually.await("the second claim waiting on the first's row", () -> sessionsWaitingOnALock() == 1);
                assertFalse(contender.isDone());
            }
            first.commit();
            assertFalse(contender.get(), "the second claim must see the first's");
            second.commit();
        }
        List<Object> firedAt = app.query("SELECT fired_at FROM guardrail_cooldown").stream()
                .map(row -> row.get("fired_at")).toList();
        assertEquals(1, firedAt.size());
    }
}
