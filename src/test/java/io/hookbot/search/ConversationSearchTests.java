package io.hookbot.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The text search through the admin API after real SMS webhooks with hostile texts (quotes, {@code %}, {@code _},
 * {@code !}, right-to-left and accented text, emoji, a word in different cases): every search finds exactly the
 * conversations a message of which has, for each of its words, a word beginning with it — the model below, worked
 * out from the texts sent — and nothing of the stored form's JSON; a search with no word is refused naming
 * {@code q}.
 */
@OnEachDatabase
class ConversationSearchTests {

    static final String TOKEN = "search-token";
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger IDS = new AtomicInteger(9_000);

    /** Each phone's messages. */
    static final Map<String, List<String>> SENT = new LinkedHashMap<>();

    static {
        SENT.put("+15550101", List.of("it's \"quoted\" and 'single'", "second message"));
        SENT.put("+15550102", List.of("100% sure_thing! wow"));
        SENT.put("+15550103", List.of("Café Crème brûlée"));
        SENT.put("+15550104", List.of("مرحبا بالعالم"));
        SENT.put("+15550105", List.of("שלום עולם"));
        SENT.put("+15550106", List.of("pizza 🍕 night ❤️"));
        SENT.put("+15550107", List.of("HeLLo WORLD"));
        SENT.put("+15550108", List.of("hello world", "HELLO again"));
        SENT.put("+15550109", List.of("%_!"));
        SENT.put("+15550110", List.of("東京 tower", "a_b%c!d"));
        SENT.put("+15550111", List.of("Robert'); DROP TABLE students;--"));
    }

    static final List<String> QUERIES = List.of("hello", "HELLO", "hel", "h", "world", "hello world", "world hello",
            "\"quoted\"", "quot", "it's", "'single'", "100%", "sure_thing", "sure", "thing!", "cafe", "CAFÉ", "café",
            "creme brulee", "crème", "مرحبا", "بال", "שלום", "עולם", "🍕", "❤", "❤️", "pizza night", "東", "京都",
            "a_b", "c!d", "second", "second hello", "drop table", "students;--", "zebra", "sender", "channel",
            "message", "text", "timestamp");

    @Parameter
    TestDatabase db;

    TestApp app;
    AdminClient admin;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        app = TestApp.on(db.fresh())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.enabled", false)
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .rules("quiet.yml", """
                        bot: quiet
                        rules:
                          - name: never
                            when: {keywords: [xyzzy-never]}
                            then: [{reply: "no"}]
                        """)
                .start();
        admin = new AdminClient(app, TOKEN);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void everySearchFindsExactlyTheConversationsWhoseMessagesHaveItsWords() throws Exception {
        SENT.forEach((phone, texts) -> texts.forEach(text -> sms(phone, text)));
        indexed();

        for (String query : QUERIES) {
            Set<String> expected = model(query);
            assertEquals(expected, found(query), "q=" + query);
        }
        // the model is not the only judge: what a user would expect of some of them
        assertEquals(Set.of("+15550107", "+15550108"), found("HELLO"));
        assertEquals(Set.of("+15550103"), found("cafe"));
        assertEquals(Set.of("+15550103"), found("CRÈME"));
        assertEquals(Set.of("+15550104"), found("بال"));
        assertEquals(Set.of("+15550106"), found("❤"));
        assertEquals(Set.of("+15550102"), found("100%"));
        assertEquals(Set.of("+15550101"), found("quot"));
        assertEquals(Set.of("+15550101", "+15550102", "+15550111"), found("s"), "single, sure, students");
        assertEquals(Set.of(), found("sender"), "the stored form's keys are not text");
        assertEquals(Set.of(), found("timestamp"));
        assertEquals(Set.of(), found("京都"));
        assertEquals(Set.of(), found("second hello"), "each word in a conversation of its own: in none");
        assertEquals(Set.of("+15550108"), found("again world"), "words of two messages of one conversation");

        for (String nothing : List.of("%", "_", "!", "'", "\"", "%_!", " ;-- ")) {
            HttpResponse<String> answer = admin.get("/admin/conversations?q=" + encode(nothing));
            assertEquals(400, answer.statusCode(), nothing + ": " + answer.body());
            assertEquals("q", json.readTree(answer.body()).get("field").asText(), answer.body());
        }
        HttpResponse<String> many = admin.get("/admin/conversations?q=" + encode("a b c d e f g h i j k"));
        assertEquals(400, many.statusCode(), many.body());
    }

    @Test
    void theListedSearchIsTheSameInEveryCaseAndOnTheChannelFilter() throws Exception {
        SENT.forEach((phone, texts) -> texts.forEach(text -> sms(phone, text)));
        indexed();
        assertEquals(found("hello"), found("HeLlO"));
        assertEquals(found("hello"), keys(getJson("/admin/conversations?channel=sms-main&q=hello")));
        assertEquals(Set.of(), keys(getJson("/admin/conversations?channel=elsewhere&q=hello")));
        assertEquals(Set.of("+15550108"), keys(getJson("/admin/conversations?user=0108&q=hello")));
    }

    @Test
    void pagesOfManyConversationsAreTheNewestWithTheWordsInOrderWhereverTheWordsAre() throws Exception {
        // 1,500 conversations, the newest last. Common words (more rows than WordIndex.RARE): "common" in all,
        // "most" in nine of ten, "older" in the oldest 1,100 only (none among the newest the search looks at one by
        // one); rare ones: "oldword" in the oldest 100, "seventh" in every seventh
        int count = 1_500;
        assertTrue(1_100 > WordIndex.RARE && 100 < WordIndex.RARE, "the words are common and rare as said");
        java.time.Instant now = java.time.Instant.now();
        List<String> newestFirst = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        try (java.sql.Connection c = app.connect();
             java.sql.PreparedStatement conversation = c.prepareStatement("INSERT INTO conversation (channel, "
                     + "conversation_key, state, turns, last_turn_at) VALUES ('sms-main', ?, '{}', 1, ?)");
             java.sql.PreparedStatement event = c.prepareStatement("INSERT INTO inbox_event (channel, dedupe_key, "
                     + "conversation_key, event_type, payload, status, received_at) "
                     + "VALUES ('sms-main', ?, ?, 'message', ?, 'DONE', ?)")) {
            for (int n = 0; n < count; n++) {
                String key = "bulk-" + n;
                String text = "common" + (n < 100 ? " oldword" : "") + (n % 7 == 0 ? " seventh" : "")
                        + (n % 10 == 0 ? "" : " most") + (n < 1_100 ? " older" : "");
                texts.put(key, text);
                newestFirst.add(0, key);
                java.time.OffsetDateTime at = now.minusSeconds(count - n).atOffset(java.time.ZoneOffset.UTC);
                conversation.setString(1, key);
                conversation.setObject(2, at);
                conversation.addBatch();
                event.setString(1, "bulk-" + n);
                event.setString(2, key);
                event.setString(3, io.hookbot.inbox.EventCodec.encode(new io.hookbot.api.MessageReceived("sms-main",
                        key, io.hookbot.api.User.of("+1"), text, io.hookbot.api.MessageKind.TEXT, List.of(), "b" + n,
                        at.toInstant(), null, Map.of())));
                event.setObject(4, at);
                event.addBatch();
            }
            conversation.executeBatch();
            event.executeBatch();
        }
        indexed();
        for (String query : List.of("common", "most", "older", "common older", "most seventh", "oldword",
                "seventh", "common seventh", "oldword seventh", "sev", "c", "nowhere", "older nowhere")) {
            List<String> expected = newestFirst.stream().filter(key -> SearchWords.of(query).stream().allMatch(w ->
                    SearchWords.of(texts.get(key)).stream().anyMatch(t -> t.startsWith(w)))).toList();
            List<String> listed = new ArrayList<>();
            String next = null;
            int pages = 0;
            do {
                JsonNode page = getJson("/admin/conversations?limit=20&q=" + encode(query)
                        + (next == null ? "" : "&before=" + encode(next)));
                page.get("conversations").forEach(c -> listed.add(c.get("key").asText()));
                next = page.has("next") ? page.get("next").asText() : null;
                pages++;
            } while (next != null && pages < 200);
            assertEquals(expected, listed, "q=" + query);
        }
    }

    /** @return the phones whose conversation has, for each word of the query, a word it begins */
    static Set<String> model(String query) {
        List<String> words = SearchWords.of(query);
        Set<String> phones = new TreeSet<>();
        SENT.forEach((phone, texts) -> {
            List<String> theirs = new ArrayList<>();
            texts.forEach(text -> theirs.addAll(SearchWords.of(text)));
            if (!words.isEmpty() && words.stream().allMatch(w -> theirs.stream().anyMatch(t -> t.startsWith(w)))) {
                phones.add(phone);
            }
        });
        return phones;
    }

    private Set<String> found(String query) throws Exception {
        HttpResponse<String> answer = admin.get("/admin/conversations?limit=100&q=" + encode(query));
        if (answer.statusCode() == 400 && SearchWords.of(query).isEmpty()) {
            return Set.of();
        }
        assertEquals(200, answer.statusCode(), query + ": " + answer.body());
        JsonNode page = json.readTree(answer.body());
        assertFalse(page.has("next"));
        return keys(page);
    }

    private static Set<String> keys(JsonNode page) {
        Set<String> phones = new TreeSet<>();
        page.get("conversations").forEach(c -> {
            String key = c.get("key").asText();
            phones.add(key.substring(key.lastIndexOf(':') + 1));
        });
        return phones;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> answer = admin.get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return json.readTree(answer.body());
    }

    private void indexed() {
        SearchIndexer indexer = app.context().getBean(SearchIndexer.class);
        while (indexer.indexBatch()) {
            // until it has read every event
        }
    }

    private void sms(String phone, String text) {
        String body = "secret=s1&type=sms&data%5Bid%5D=" + IDS.incrementAndGet()
                + "&data%5Bdevice%5D=dev-1&data%5Bsim%5D=1&data%5Bphone%5D=" + encode(phone)
                + "&data%5Bmessage%5D=" + encode(text) + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
        Eventually.await("the message turned", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status "
                + "<> 'DONE'") == 0);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
