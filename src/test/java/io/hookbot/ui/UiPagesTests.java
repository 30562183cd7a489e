package io.hookbot.ui;

import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
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
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each dashboard page and action over real HTTP, a real database (H2 and PostgreSQL) and a fake SMS gateway, as
 * a signed-in browser sees them: the pages read what the admin API reads, the actions do what its calls do, and
 * every value a platform or a user sent (a {@code <script>}, quotes, right-to-left text) comes back escaped.
 */
@OnEachDatabase
class UiPagesTests {

    static final String TOKEN = "ui-pages-admin-token-1";
    static final String FORM = "application/x-www-form-urlencoded";
    static final AtomicInteger IDS = new AtomicInteger(41_000);
    /** What a hostile or just unusual sender writes: markup, both quotes, an ampersand, Arabic and Hebrew. */
    static final String NASTY = "<script>alert(\"pwned\")</script> <img src=x onerror=alert(1)> "
            + "\"double\" 'single' & مرحبا بالعالم שלום";
    static final String RULES = """
            bot: echo
            channels: [sms-main]
            rules:
              - name: echo
                when:
                  keywords: [please]
                then:
                  - reply: "You said: {{text}}"
              - name: anything
                then:
                  - reply: "Got it"
            """;

    @Parameter
    TestDatabase db;

    TestApp app;
    FakeGateway gateway;
    UiClient browser;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(db.fresh())
                .with("hookbot.admin.token", TOKEN)
                .with("hookbot.delivery.max-attempts", 2)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("k"))
                .with(TestChannel.mqttChat("chat").token("chat-token"))
                .rules("echo.yml", RULES)
                .start();
        browser = new UiClient(app);
        assertEquals(303, browser.signIn(TOKEN).statusCode());
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    @Test
    void theConversationOfAnSmsShowsTheMessageAndTheReplyEscaped() {
        sms("+15550001", "please echo " + NASTY);
        Eventually.await("the reply sent",
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);

        String list = page("/ui/conversations?user=" + encode("15550001"));
        Matcher link = Pattern.compile("href=\"/ui/conversations/(\\d+)\"").matcher(list);
        assertTrue(link.find(), list);
        assertTrue(list.contains("sms-main"), list);
        assertEquals(list, page("/ui/conversations?user=" + encode("15550001")), "the same again");
        Eventually.await("found by text once the text index has read it", () ->
                page("/ui/conversations?q=" + encode("pwned")).contains("/ui/conversations/" + link.group(1)));
        assertTrue(page("/ui/conversations?channel=sms-main").contains("/ui/conversations/" + link.group(1)),
                "found by channel");
        assertFalse(page("/ui/conversations?channel=chat").contains("/ui/conversations/" + link.group(1)),
                "not on another channel");
        assertFalse(page("/ui/conversations?q=" + encode("no such words")).contains("/ui/conversations/"));

        String transcript = page("/ui/conversations/" + link.group(1));
        assertInert(transcript);
        assertTrue(transcript.contains("please echo &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"),
                transcript);
        assertTrue(transcript.contains("You said: please echo &lt;script&gt;"), transcript);
        assertTrue(transcript.contains("&#39;single&#39; &amp; مرحبا بالعالم שלום"), transcript);
        assertTrue(transcript.contains("class=\"msg in\""), transcript);
        assertTrue(transcript.contains("class=\"msg out\""), transcript);
        assertTrue(transcript.contains(">SENT<"), transcript);
        assertTrue(transcript.contains("answered by echo / echo"), transcript);
        assertTrue(transcript.contains("echo / echo fired"), transcript);
        assertTrue(transcript.contains("#1 SENT"), "the attempt: " + transcript);

        String sent = page("/ui/outbox?status=SENT");
        assertInert(sent);
        assertTrue(sent.contains("You said: please echo &lt;script&gt;"), sent);
        assertEquals(404, browser.get("/ui/conversations/999999").statusCode());
        assertEquals(400, browser.get("/ui/conversations/nope").statusCode());
        assertEquals(400, browser.get("/ui/conversations?before=garbage").statusCode());
    }

    @Test
    void aConversationIsHandedOffAnsweredAsTheAgentAndReleasedFromItsTranscript() {
        sms("+15550004", "hello");
        Eventually.await("the bot's reply sent",
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);
        Matcher link = Pattern.compile("href=\"(/ui/conversations/(\\d+))\"")
                .matcher(page("/ui/conversations?user=" + encode("15550004")));
        assertTrue(link.find());
        String path = link.group(1);
        assertTrue(page(path).contains("<span id=\"mode\">bot</span>"), page(path));

        HttpResponse<String> refused = browser.post(path + "/handoff", Map.of("for", "forever", "note", NASTY));
        assertEquals(303, refused.statusCode(), refused.body());
        assertTrue(page(path).contains("Nothing done: for must be a duration"), "the field named");
        HttpResponse<String> handedOff = browser.post(path + "/handoff", Map.of("channel", "sms-main",
                "address", "+15550999", "for", "4h", "note", NASTY));
        assertEquals(303, handedOff.statusCode(), handedOff.body());
        assertEquals(path, handedOff.headers().firstValue("Location").orElse(""), "back to the transcript");
        String human = page(path);
        assertInert(human);
        assertTrue(human.contains("human: the bot answers nothing"), human);
        assertTrue(human.contains("Handed off by admin since"), human);
        assertTrue(human.contains("messages forwarded on sms-main to +15550999"), human);
        assertTrue(human.contains("Note: &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;"), human);
        assertTrue(human.contains("action=\"" + path + "/release\""), human);

        sms("+15550004", "please help");
        // forwarded, not answered (the channel has no sending device of its own, so the forward is refused later)
        Eventually.await("the message's turn", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status "
                + "<> 'DONE'") == 0 && app.count("SELECT COUNT(*) FROM inbox_event") == 2);
        assertEquals(1, app.count("SELECT COUNT(*) FROM outbox_message WHERE recipient = '+15550999'"));
        assertEquals(2, app.count("SELECT COUNT(*) FROM outbox_message"), "the bot's first reply and the forward");
        assertTrue(page(path).contains("the bot stepped back: in human mode since"), page(path));

        HttpResponse<String> sent = browser.post(path + "/messages", Map.of("text", "Agent here " + NASTY));
        assertEquals(303, sent.statusCode(), sent.body());
        Eventually.await("the agent's message sent", () -> app.count("SELECT COUNT(*) FROM outbox_message "
                + "WHERE event_id < 0 AND status = 'SENT'") == 1);
        String answered = page(path);
        assertInert(answered);
        assertTrue(answered.contains("agent&#39;s message \u201cAgent here &lt;script&gt;"), answered);

        HttpResponse<String> released = browser.post(path + "/release", Map.of());
        assertEquals(303, released.statusCode(), released.body());
        String bot = page(path);
        assertTrue(bot.contains("<span id=\"mode\">bot</span>"), bot);
        assertTrue(bot.contains("released by admin"), bot);
        assertFalse(bot.contains("action=\"" + path + "/release\""), "nothing to release: " + bot);
    }

    @Test
    void aDeadLetterIsRetriedFromTheOutboxPageAndBecomesSent() {
        gateway.otherwise(new FakeGateway.Answer(500, "<b>gateway down</b>", Map.of(), 0));
        sms("+15550002", "hello " + NASTY);
        Eventually.await("the reply dead-lettered",
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED'") == 1);
        String outbox = page("/ui/outbox");
        assertInert(outbox);
        assertTrue(outbox.contains("Got it"), outbox);
        assertTrue(outbox.contains(">FAILED<"), outbox);
        assertTrue(outbox.contains("500"), "the last error: " + outbox);
        assertTrue(outbox.contains("+15550002"), outbox);
        Matcher retry = Pattern.compile("action=\"(/ui/outbox/(\\d+)/retry)\"").matcher(outbox);
        assertTrue(retry.find(), outbox);
        assertTrue(page("/ui/outbox?status=FAILED&channel=sms-main").contains(retry.group(1)), "by channel");
        assertFalse(page("/ui/outbox?status=FAILED&channel=chat").contains(retry.group(1)), "not on another");
        assertFalse(page("/ui/outbox?status=SENT").contains(retry.group(1)), "not among the sent");
        assertEquals(400, browser.get("/ui/outbox?status=LOST").statusCode());

        String conversation = page("/ui/conversations?user=" + encode("15550002"));
        Matcher link = Pattern.compile("href=\"(/ui/conversations/\\d+)\"").matcher(conversation);
        assertTrue(link.find(), conversation);
        String transcript = page(link.group(1));
        assertTrue(transcript.contains("action=\"" + retry.group(1) + "\""), "a dead reply's retry: " + transcript);
        assertTrue(transcript.contains(">FAILED<"), transcript);

        gateway.otherwise(FakeGateway.Answer.ok());
        HttpResponse<String> done = browser.post(retry.group(1), Map.of("back", link.group(1)));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals(link.group(1), done.headers().firstValue("Location").orElse(""), "back to the transcript");
        String after = page("/ui/outbox?status=ALL");
        assertTrue(after.contains("is back in line"), after);
        Eventually.await("the retried reply sent", () -> app.count(
                "SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT' AND id = " + retry.group(2)) == 1);
        assertTrue(page("/ui/outbox?status=SENT").contains("row-" + retry.group(2)));

        HttpResponse<String> again = browser.post(retry.group(1), Map.of("back", "//elsewhere.example/ui"));
        assertEquals(303, again.statusCode());
        assertEquals("/ui/outbox", again.headers().firstValue("Location").orElse(""), "back to a dashboard page only");
        assertTrue(page("/ui/outbox").contains("Nothing done: outbox row " + retry.group(2) + " is not dead-lettered"),
                "a retry of a sent row is refused, as by the admin API");
    }

    @Test
    void aPausedChannelIsResumedFromTheChannelsPage() {
        gateway.otherwise(FakeGateway.Answer.http(401));
        sms("+15550003", "hello");
        Eventually.await("the channel paused", () -> app.count("SELECT COUNT(*) FROM channel_pause") == 1);
        String channels = page("/ui/channels");
        assertInert(channels);
        assertTrue(channels.contains("sms-gateway"), channels);
        assertTrue(channels.contains("/webhooks/sms-main"), channels);
        assertTrue(channels.contains("/webhooks/chat?token=&lt;hookbot.channels.chat.token&gt;"),
                "where the token goes, not the token: " + channels);
        assertFalse(channels.contains("chat-token"), "no secret on the page");
        assertTrue(channels.contains(">paused<"), channels);
        assertTrue(channels.contains("401"), channels);
        assertTrue(channels.contains("action=\"/ui/channels/sms-main/resume\""), channels);

        gateway.otherwise(FakeGateway.Answer.ok());
        HttpResponse<String> resumed = browser.post("/ui/channels/sms-main/resume", Map.of());
        assertEquals(303, resumed.statusCode(), resumed.body());
        String after = page("/ui/channels");
        assertTrue(after.contains("Channel sms-main is resumed"), after);
        assertFalse(after.contains("action=\"/ui/channels/sms-main/resume\""), after);
        Eventually.await("the waiting reply sent",
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);
        browser.post("/ui/channels/sms-main/resume", Map.of());
        assertTrue(page("/ui/channels").contains("Nothing done: channel &#39;sms-main&#39; is not paused"));
    }

    @Test
    void thePresencePageShowsWhoIsOnline() {
        assertEquals(200, app.postTo("/webhooks/chat?token=chat-token", "application/json",
                "{\"userid\":7,\"status\":\"online\",\"timestamp\":1602511574}").statusCode());
        Eventually.await("the presence turned",
                () -> page("/ui/presence").contains(">7</bdi>"));
        String online = page("/ui/presence");
        assertInert(online);
        assertTrue(online.contains(">online<"), online);
        assertTrue(online.contains("2020-10-12 14:06:14 UTC"), "since the platform's time: " + online);
        assertFalse(page("/ui/presence?status=offline").contains(">7</bdi>"));
        assertTrue(page("/ui/presence?status=any&channel=chat").contains(">7</bdi>"));
        assertFalse(page("/ui/presence?channel=sms-main").contains(">7</bdi>"));
    }

    @Test
    void theBotsPageListsTheRulesTheirFiringsAMistakeAndTriesAMessage() throws Exception {
        sms("+15550004", "please count me");
        Eventually.await("the rule fired", () -> page("/ui/bots").matches("(?s).*>echo<.*>1</td>.*"));
        String bots = page("/ui/bots");
        assertInert(bots);
        assertTrue(bots.contains("echo.yml"), bots);
        assertTrue(bots.contains(">anything<"), bots);

        HttpResponse<String> tried = browser.post("/ui/bots/try", Map.of("text", "please " + NASTY,
                "channel", "sms-main", "from", "+15550009"));
        assertEquals(200, tried.statusCode(), tried.body());
        assertInert(tried.body());
        assertTrue(tried.body().contains("echo / echo"), tried.body());
        assertTrue(tried.body().contains("reply: You said: please &lt;script&gt;"), tried.body());
        assertTrue(tried.body().contains("1 rule(s) fired."), tried.body());
        assertTrue(tried.body().contains("skipped"), "the rule after the one that answered: " + tried.body());
        assertEquals(1, app.count("SELECT COUNT(*) FROM outbox_message"), "trying sends nothing");

        Files.writeString(app.botsDir().resolve("broken.yml"), "bot: broken\nrules:\n  - name: x\n    when: {nope: 1}\n");
        Eventually.await("the broken file reported", () -> page("/ui/bots").contains("A rule file is broken"));
        String broken = page("/ui/bots");
        assertTrue(broken.matches("(?s).*broken\\.yml:\\d+:\\d+.*"), "file:line:column: " + broken);
        assertTrue(broken.contains(">echo<"), "the good bot stays: " + broken);
    }

    @Test
    void theOverviewCountsTheWebhooksAndStaysLive() {
        String overview = page("/ui");
        assertTrue(overview.contains("data-refresh=\"/ui/overview/figures\""), overview);
        assertTrue(overview.contains("No webhook has come in"), overview);
        sms("+15550005", "hello");
        Eventually.await("the reply sent",
                () -> app.count("SELECT COUNT(*) FROM outbox_message WHERE status = 'SENT'") == 1);
        Eventually.await("the figures count the webhook, the turn and the reply", () -> {
            String figures = page("/ui/overview/figures");
            return figures.contains(">sms-main</span>") && figures.contains("1 in the last minute");
        });
        String figures = page("/ui/overview/figures");
        assertFalse(figures.contains("<html"), "a fragment: " + figures);
        assertTrue(figures.contains("Turns per minute"), figures);
        assertTrue(figures.contains("No channel is paused"), figures);
    }

    /** Nothing a sender wrote became markup: the page's only script is hookbot's own file. */
    static void assertInert(String page) {
        assertFalse(page.contains("<script>alert"), page);
        assertFalse(page.contains("<img src=x"), page);
        assertFalse(page.contains("<b>gateway down</b>"), page);
        assertEquals(1, page.split("<script", -1).length - 1, "one script tag, hookbot.js: " + page);
        assertTrue(page.contains("<script src=\"/ui/assets/hookbot.js\" defer></script>"), page);
    }

    private String page(String path) {
        HttpResponse<String> answer = browser.get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    private void sms(String phone, String text) {
        String body = "secret=s1&type=sms&data%5Bid%5D=" + IDS.incrementAndGet()
                + "&data%5Bdevice%5D=dev-1&data%5Bsim%5D=1&data%5Bphone%5D=" + encode(phone)
                + "&data%5Bmessage%5D=" + encode(text) + "&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
