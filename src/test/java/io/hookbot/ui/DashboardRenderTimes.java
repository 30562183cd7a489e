package io.hookbot.ui;

import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.User;
import io.hookbot.inbox.EventCodec;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxStore;
import io.hookbot.search.SearchIndexer;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.transaction.TransactionOperations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the dashboard's pages take with a large history (docs/benchmarks.md, "The dashboard"): a hookbot on H2
 * or PostgreSQL with 100,000 conversations and 1,000,000 inbox events (10 a conversation, each turned, with its
 * turn's record), 100,000 sent replies and 500 dead letters, 1,000 users online; then each page fetched by a
 * signed-in client, 20 times to warm up and 100 times measured, one at a time on 127.0.0.1, from the request to the
 * last byte of the answer. Not a test: run it with {@code load/dashboard.sh [h2|postgres] [conversations]}.
 */
public final class DashboardRenderTimes {

    private static final String TOKEN = "render-times-admin-token";
    private static final int EVENTS_PER_CONVERSATION = 10;
    private static final int BATCH = 5_000;
    private static final int WARM_UP = 20;
    private static final int MEASURED = 100;

    private DashboardRenderTimes() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "h2";
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Database database = which.equals("postgres") ? Database.postgres() : Database.h2();
        TestApp app = TestApp.on(database)
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.dispatcher.enabled", false)
                .with("hookbot.delivery.enabled", false)
                .with("hookbot.inbox.retention", "off")
                .with("hookbot.outbox.retention", "off")
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .with(TestChannel.mqttChat("chat").token("t1"))
                .rules("auto-reply.yml", """
                        bot: auto-reply
                        channels: [sms-main]
                        rules:
                          - name: greeting
                            when: {keywords: [hello]}
                            then: [{reply: "Hello!"}]
                          - name: fallback
                            then: [{reply: "Send HELP."}]
                        """)
                .start();
        try {
            long started = System.nanoTime();
            fill(app, conversations);
            System.out.printf(Locale.ROOT, "%s: %,d conversations, %,d events, %,d replies written in %d s%n", which,
                    conversations, (long) conversations * EVENTS_PER_CONVERSATION, conversations + 500L,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds());
            started = System.nanoTime();
            SearchIndexer indexer = app.context().getBean(SearchIndexer.class);
            while (indexer.indexBatch()) {
                // the text index catches up with the events written above, as after an upgrade
            }
            System.out.printf(Locale.ROOT, "the text index read the %,d events in %d s (%,d words of conversations)%n",
                    (long) conversations * EVENTS_PER_CONVERSATION,
                    Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                    app.count("SELECT COUNT(*) FROM conversation_word"));
            if (which.equals("postgres")) {
                try (Connection c = database.connect(); var s = c.createStatement()) {
                    s.execute("ANALYZE");
                    try (var sizes = s.executeQuery("SELECT pg_total_relation_size('conversation_word'), "
                            + "pg_total_relation_size('inbox_event')")) {
                        sizes.next();
                        System.out.printf(Locale.ROOT, "the word index takes %,d MB with its indexes, the inbox "
                                + "%,d MB%n", sizes.getLong(1) >> 20, sizes.getLong(2) >> 20);
                    }
                }
            }
            measure(app, conversations, args.length > 2 && args[2].equals("search"));
        } finally {
            app.close();
            database.drop();
        }
    }

    @SuppressWarnings("unchecked")
    private static void fill(TestApp app, int conversations) throws SQLException {
        TransactionOperations<Connection> transactions = app.context().getBean(TransactionOperations.class);
        OutboxStore outbox = app.context().getBean(OutboxStore.class);
        Instant now = Instant.now();
        String record = "{\"outcome\":\"answered\",\"verdicts\":[{\"verdict\":\"fired\",\"bot\":\"auto-reply\","
                + "\"rule\":\"fallback\",\"actions\":{\"reply\":1}}]}";
        for (int from = 0; from < conversations; from += BATCH / EVENTS_PER_CONVERSATION) {
            int first = from;
            int last = Math.min(conversations, from + BATCH / EVENTS_PER_CONVERSATION);
            transactions.executeWrite(s -> {
                Connection c = s.getConnection();
                try (PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation "
                        + "(channel, conversation_key, state, turns, last_turn_at) VALUES (?, ?, '{}', ?, ?)");
                     PreparedStatement event = c.prepareStatement("INSERT INTO inbox_event (channel, dedupe_key, "
                             + "conversation_key, event_type, payload, status, received_at, processed_at, turn_record)"
                             + " VALUES (?, ?, ?, 'message', ?, 'DONE', ?, ?, ?)")) {
                    for (int n = first; n < last; n++) {
                        String phone = "+1555" + String.format(Locale.ROOT, "%07d", n);
                        String key = "sms:dev-1:1:" + phone;
                        Instant lastTurn = now.minusSeconds(conversations - n);
                        conversation.setString(1, "sms-main");
                        conversation.setString(2, key);
                        conversation.setLong(3, EVENTS_PER_CONVERSATION);
                        conversation.setObject(4, lastTurn.atOffset(ZoneOffset.UTC));
                        conversation.addBatch();
                        for (int e = 0; e < EVENTS_PER_CONVERSATION; e++) {
                            Instant at = lastTurn.minusSeconds((EVENTS_PER_CONVERSATION - e) * 60L);
                            String text = (e % 3 == 0 ? "hello there, " : "where is my order number ") + n + "-" + e
                                    // a word of the older half only: a text search finds none among the newest
                                    + (e == 0 && n < conversations / 2 ? " early" : "");
                            event.setString(1, "sms-main");
                            event.setString(2, "load-" + n + "-" + e);
                            event.setString(3, key);
                            event.setString(4, EventCodec.encode(new MessageReceived("sms-main", key, User.of(phone),
                                    text, MessageKind.TEXT, List.of(), "load-" + n + "-" + e, at, null, Map.of())));
                            event.setObject(5, at.atOffset(ZoneOffset.UTC));
                            event.setObject(6, at.plusMillis(20).atOffset(ZoneOffset.UTC));
                            event.setString(7, record);
                            event.addBatch();
                        }
                    }
                    conversation.executeBatch();
                    event.executeBatch();
                }
                return null;
            });
        }
        // a reply to each conversation's last event, sent; and 500 dead letters
        List<long[]> lastEvents = transactions.executeRead(s -> {
            List<long[]> found = new ArrayList<>();
            try (var select = s.getConnection().prepareStatement("SELECT id FROM inbox_event WHERE dedupe_key LIKE ?")) {
                select.setString(1, "load-%-" + (EVENTS_PER_CONVERSATION - 1));
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new long[] {rows.getLong(1)});
                    }
                }
            }
            return found;
        });
        for (int from = 0; from < lastEvents.size(); from += BATCH) {
            List<long[]> slice = lastEvents.subList(from, Math.min(lastEvents.size(), from + BATCH));
            transactions.executeWrite(s -> {
                List<NewReply> replies = new ArrayList<>();
                for (long[] event : slice) {
                    String phone = "+1555" + event[0];
                    replies.add(new NewReply(event[0], 0, "sms-main", "sms:dev-1:1:" + phone,
                            Map.of("medium", "sms", "phone", phone), "Send HELP.", List.of()));
                }
                outbox.insert(s.getConnection(), replies);
                return null;
            });
        }
        transactions.executeWrite(s -> {
            Connection c = s.getConnection();
            try (var update = c.createStatement()) {
                update.executeUpdate("UPDATE outbox_message SET status = 'SENT', attempts = 1, sent_at = created_at");
                update.executeUpdate("UPDATE outbox_message SET status = 'FAILED', attempts = 8, last_error = "
                        + "'HTTP 500: gateway down' WHERE id IN (SELECT id FROM outbox_message ORDER BY id DESC "
                        + "FETCH FIRST 500 ROWS ONLY)");
            }
            try (PreparedStatement user = c.prepareStatement("INSERT INTO presence_user "
                    + "(channel, user_id, name, status, status_at, since, last_seen) VALUES ('chat', ?, ?, 'ONLINE', ?, ?, ?)")) {
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                for (int u = 0; u < 1000; u++) {
                    user.setString(1, String.valueOf(u));
                    user.setString(2, "User " + u);
                    user.setObject(3, at);
                    user.setObject(4, at);
                    user.setObject(5, at);
                    user.addBatch();
                }
                user.executeBatch();
            }
            return null;
        });
    }

    private static void measure(TestApp app, int conversations, boolean searchOnly) {
        UiClient browser = new UiClient(app);
        if (browser.signIn(TOKEN).statusCode() != 303) {
            throw new IllegalStateException("could not sign in");
        }
        long conversation = app.count("SELECT MAX(id) FROM conversation");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/ui");
        pages.put("overview's live figures", "/ui/overview/figures");
        pages.put("conversations, newest 25", "/ui/conversations");
        pages.put("conversations of a channel", "/ui/conversations?channel=sms-main");
        pages.put("conversations, next page", "/ui/conversations?before=" + cursor(browser));
        pages.put("conversations by sender", "/ui/conversations?user=" + "5550099");
        pages.put("one conversation's transcript", "/ui/conversations/" + conversation);
        pages.put("outbox, dead letters", "/ui/outbox");
        pages.put("outbox, sent (page 1 of 2,000)", "/ui/outbox?status=SENT");
        pages.put("channels", "/ui/channels");
        pages.put("presence (1,000 online)", "/ui/presence");
        pages.put("bots", "/ui/bots");
        if (searchOnly) {
            // the newest page alone, as the yardstick of the same sitting
            pages.keySet().retainAll(List.of("conversations, newest 25"));
        }
        // the text search: a word of every conversation, two of them, a word of one conversation, one of none
        String rare = String.valueOf(conversations - 7);
        pages.put("text: a common word (every conversation)", "/ui/conversations?q=hello");
        pages.put("text: two common words", "/ui/conversations?q=order+number");
        pages.put("text: a common prefix (h...)", "/ui/conversations?q=h");
        pages.put("text: a rare word (one conversation)", "/ui/conversations?q=" + rare);
        pages.put("text: a common and a rare word", "/ui/conversations?q=order+" + rare);
        pages.put("text: a word of none", "/ui/conversations?q=zebra");
        pages.put("text: a word of the older half only", "/ui/conversations?q=early");
        pages.put("API text: a common word", "/admin/conversations?q=hello&limit=25");
        pages.put("API text: a rare word", "/admin/conversations?q=" + rare + "&limit=25");
        pages.put("API text: a word of none", "/admin/conversations?q=zebra&limit=25");
        pages.put("API text: a word of the older half only", "/admin/conversations?q=early&limit=25");
        HttpClient api = HttpClient.newHttpClient();
        System.out.printf(Locale.ROOT, "%-48s %8s %8s %8s%n", "page", "median", "p95", "max");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String path = page.getValue();
            for (int i = 0; i < WARM_UP; i++) {
                fetch(app, api, browser, path);
            }
            long[] times = new long[MEASURED];
            int measured = MEASURED;
            for (int i = 0; i < measured; i++) {
                long t0 = System.nanoTime();
                fetch(app, api, browser, path);
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "%-48s %6.1f ms %6.1f ms %6.1f ms%n", page.getKey(),
                    times[measured / 2] / 1e6, times[(int) Math.ceil(measured * 0.95) - 1] / 1e6,
                    times[measured - 1] / 1e6);
        }
    }

    private static String cursor(UiClient browser) {
        String page = fetch(browser, "/ui/conversations");
        int at = page.indexOf("before=");
        return page.substring(at + "before=".length(), page.indexOf('"', at));
    }

    private static String fetch(TestApp app, HttpClient api, UiClient browser, String path) {
        if (!path.startsWith("/admin/")) {
            return fetch(browser, path);
        }
        try {
            HttpResponse<String> answer = api.send(HttpRequest.newBuilder(URI.create(app.url() + path))
                    .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static String fetch(UiClient browser, String path) {
        HttpResponse<String> answer = browser.get(path);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }
}
