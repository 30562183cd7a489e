package io.hookbot.presence;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceView;
import io.hookbot.api.User;
import io.hookbot.api.UserPresence;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.transaction.TransactionOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presence end to end: status callbacks of MQTT chat, Yalgaar and VCaaS posted over HTTP, the state read through
 * {@link PresenceView} and {@code GET /api/presence}. Out-of-order and redelivered callbacks, the MQTT chat
 * "everyone offline", Yalgaar binds across channels, a VCaaS waiting room. Runs on H2 and PostgreSQL.
 */
@OnEachDatabase
class PresenceTests {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The read-only token: the presence view is private, and a dashboard reads it with this one. */
    private static final String API_TOKEN = "presence-reader-token";

    TestApp app;
    AdminClient reader;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    @BeforeEach
    void start() {
        app = TestApp.on(database())
                .with(TestChannel.mqttChat("chat").token("t"))
                .with(TestChannel.yalgaar("yal").clientKey("ck-demo-3f9a2c"))
                .with(TestChannel.vcaas("meet").token("t"))
                .with("hookbot.api.token", API_TOKEN)
                .start();
        reader = new AdminClient(app, API_TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aLateOlderCallbackNeverOverwritesANewerState() {
        mqtt(1, "online", 200);
        mqtt(1, "offline", 100);

        UserPresence one = view().find("chat", "1").orElseThrow();
        assertTrue(one.online());
        assertEquals(Instant.ofEpochSecond(200), one.since());
        assertEquals(Instant.ofEpochSecond(200), one.lastSeen());
    }

    @Test
    void mqttUserZeroOfflineSetsEveryoneOfTheChannelOfflineButNotNewerStates() {
        mqtt(1, "online", 100);
        mqtt(2, "away", 110);
        mqtt(3, "online", 1602519500);                       // after the reset below
        post("/webhooks/chat?token=t", Samples.read("mqtt-chat/presence-everyone-offline.json"));  // at 1602519000
        mqtt(1, "online", 150);                              // late, and older than the reset

        assertFalse(view().isOnline("chat", "1"));
        assertFalse(view().isOnline("chat", "2"));
        assertTrue(view().isOnline("chat", "3"));
        assertEquals(List.of("3"), users(get("/api/presence?channel=chat&status=online")));
        assertEquals(List.of("1", "2"), users(get("/api/presence?channel=chat&status=offline")));
    }

    @Test
    void yalgaarBindsAndUnbindsAcrossChannels() {
        post("/webhooks/yal", Samples.read("yalgaar/presence.json"));   // alice+bob bind support-lobby, alice unbinds news
        yalgaar("alice-7f3a", "news", "bind", 1602511590);              // older than the unbind: stays unbound
        yalgaar("alice-7f3a", "general", "bind", 1602511700);
        yalgaar("bob-19c2", "support-lobby", "unbind", 1602511800);

        assertEquals(List.of("alice-7f3a"), ids(view().in("yal", "support-lobby")));
        assertEquals(List.of(), ids(view().in("yal", "news")));
        assertEquals(Map.of("support-lobby", "joined", "general", "joined"),
                get("/api/presence?channel=yal&scope=general").get(0).get("scopes"));
        assertFalse(view().isOnline("yal", "bob-19c2"));
        assertTrue(view().isOnline("yal", "alice-7f3a"));
    }

    @Test
    void vcaasWaitingRoomThenJoinedThenLeft() {
        String waiting = Samples.read("vcaas/user-waiting.json").replace("user-5678", "user-1234")
                .replace("1673062160", "1673062000");
        post("/webhooks/meet?token=t", waiting);
        assertEquals(Map.of("12345", "waiting"), get("/api/presence?scope=12345").get(0).get("scopes"));

        post("/webhooks/meet?token=t", Samples.read("vcaas/user-join.json"));
        Map<String, Object> joined = get("/api/presence?scope=12345").get(0);
        assertEquals(Map.of("12345", "joined"), joined.get("scopes"));
        assertEquals("Priya Shah", joined.get("name"));
        assertEquals("joined", joined.get("status"));

        post("/webhooks/meet?token=t", Samples.read("vcaas/user-leave.json"));
        assertEquals(List.of(), get("/api/presence?scope=12345"));
        Map<String, Object> left = get("/api/presence?channel=meet").get(0);
        assertEquals("left", left.get("status"));
        assertEquals(false, left.get("online"));
        assertEquals(Instant.ofEpochSecond(1673065700).toString(), left.get("lastSeen"));
    }

    @Test
    void aRedeliveredCallbackIsStoredOnceAndChangesNothing() {
        String online = "{\"userid\":7,\"status\":\"online\",\"timestamp\":100}";
        post("/webhooks/chat?token=t", online);
        mqtt(7, "offline", 200);

        HttpResponse<String> again = app.postTo("/webhooks/chat?token=t", JSON, online);

        assertEquals("{\"stored\":0,\"duplicates\":1}", again.body());
        settle();
        UserPresence seven = view().find("chat", "7").orElseThrow();
        assertFalse(seven.online());
        assertEquals(Instant.ofEpochSecond(200), seven.since());
    }

    @Test
    void aMessageCountsAsSeen() {
        post("/webhooks/chat?token=t", Samples.read("mqtt-chat/message-reply.json"));

        UserPresence writer = view().find("chat", "3601").orElseThrow();
        assertEquals(Instant.ofEpochSecond(1602511590), writer.lastSeen());
        assertEquals(null, writer.status());
        assertEquals(Optional.of(Instant.ofEpochSecond(1602511590)), view().lastSeen("chat", "3601"));
        assertEquals(Optional.empty(), view().lastSeen("chat", "nobody"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void lastSeenOnlyMovesForwardAndANewNameIsKeptEvenAtTheSameTime() {
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        PresenceStore store = app.context().getBean(PresenceStore.class);
        record Seen(String name, long at) {
        }
        for (Seen seen : List.of(new Seen("Ann", 100), new Seen("Ann", 50), new Seen("Ann B", 100))) {
            transactions.executeWrite(status -> {
                store.seen(status.getConnection(), "chat", "u1", seen.name(), Instant.ofEpochSecond(seen.at()));
                return null;
            });
        }
        UserPresence renamed = view().find("chat", "u1").orElseThrow();
        assertEquals("Ann B", renamed.name(), "a new name at an unchanged time is still written");
        assertEquals(Instant.ofEpochSecond(100), renamed.lastSeen(), "an older sighting does not move it back");

        transactions.executeWrite(status -> {
            store.seen(status.getConnection(), "chat", "u1", null, Instant.ofEpochSecond(150));
            return null;
        });
        UserPresence later = view().find("chat", "u1").orElseThrow();
        assertEquals("Ann B", later.name(), "no name in the message keeps the known one");
        assertEquals(Instant.ofEpochSecond(150), later.lastSeen());
    }

    @Test
    void withinATurnsTransactionTheViewSeesThatTurnsOwnChange() {
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        PresenceTracker tracker = app.context().getBean(PresenceTracker.class);
        PresenceChanged online = new PresenceChanged("chat", "user:9", User.of("9"), PresenceChanged.Status.ONLINE,
                null, Instant.ofEpochSecond(100));

        boolean seenInside = transactions.executeWrite(status -> {
            tracker.record(status.getConnection(), online);
            boolean inside = view().isOnline("chat", "9");
            status.setRollbackOnly();
            return inside;
        });

        assertTrue(seenInside);
        assertFalse(view().isOnline("chat", "9"), "rolled back with the turn");
    }

    @Test
    void aBadFilterIsA400NamingIt() {
        HttpResponse<String> status = reader.get("/api/presence?status=sleepy");
        HttpResponse<String> unknown = reader.get("/api/presence?chanel=chat");

        assertEquals(400, status.statusCode());
        assertEquals("status", json(status.body()).get("field"));
        assertEquals("invalid_filter", json(status.body()).get("error"));
        assertEquals(400, unknown.statusCode());
        assertEquals("chanel", json(unknown.body()).get("field"));
    }

    private void mqtt(int user, String status, long timestamp) {
        post("/webhooks/chat?token=t",
                "{\"userid\":" + user + ",\"status\":\"" + status + "\",\"timestamp\":" + timestamp + "}");
    }

    private void yalgaar(String uuid, String channel, String action, long timestamp) {
        post("/webhooks/yal", "{\"items\":{\"source\":\"Presence\",\"clientKey\":\"ck-demo-3f9a2c\",\"data\":[{"
                + "\"channel\":\"" + channel + "\",\"uuid\":\"" + uuid + "\",\"timestamp\":\"" + timestamp + "\","
                + "\"action\":\"" + action + "\"}]}}");
    }

    /** Posts a callback and waits until its turns are taken. */
    private void post(String path, String body) {
        HttpResponse<String> response = app.postTo(path, JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        settle();
    }

    private void settle() {
        Eventually.await("every event turned", () ->
                app.count("SELECT COUNT(*) FROM inbox_event WHERE status NOT IN ('DONE', 'FAILED')") == 0);
    }

    private PresenceView view() {
        return app.context().getBean(PresenceView.class);
    }

    private List<Map<String, Object>> get(String path) {
        HttpResponse<String> response = reader.get(path);
        assertEquals(200, response.statusCode(), response.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) json(response.body()).get("users");
        return users;
    }

    private static List<String> users(List<Map<String, Object>> users) {
        return users.stream().map(u -> (String) u.get("user")).toList();
    }

    private static List<String> ids(List<UserPresence> users) {
        return users.stream().map(UserPresence::user).toList();
    }

    private static Map<String, Object> json(String body) {
        try {
            return MAPPER.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
