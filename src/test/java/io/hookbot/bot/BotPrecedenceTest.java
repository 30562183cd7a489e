package io.hookbot.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.testing.Database;
import io.hookbot.testing.Eventually;
import io.hookbot.testing.FakeGateway;
import io.hookbot.testing.Samples;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two bots on one channel, through the running application: a bot of higher {@code priority} answers first and keeps
 * the bots below it from answering, unless it lets the message through ({@code continue: true} on the rule that
 * fired, or no rule fired); bots of one priority both answer, as they always did.
 */
class BotPrecedenceTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHOP = """
            bot: shop
            channels: [sms-main]
            rules:
              - name: fallback
                then: [{reply: "shop fallback"}]
            """;

    private final FakeGateway gateway = new FakeGateway();
    private TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        gateway.close();
    }

    private TestApp start(String deskYaml) {
        app = TestApp.on(Database.h2())
                .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url()).sendApiKey("key"))
                // named to come after the shop's file: the order of priority, not of file names, decides
                .rules("zz-desk.yml", deskYaml)
                .rules("shop.yml", SHOP)
                .start();
        return app;
    }

    /** Posts an SMS, waits until its turn is committed, and says which replies it made, in order. */
    private List<String> sms(int id, String text) {
        String body = Samples.read("sms-gateway/sms.form")
                .replace("data%5Bid%5D=2", "data%5Bid%5D=" + id)
                .replace("data%5Bmessage%5D=Hello+World%21", "data%5Bmessage%5D=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
        long turned = app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'");
        assertEquals(200, app.post("sms-main", FORM, body).statusCode());
        Eventually.await("the SMS turned", () -> app.count("SELECT COUNT(*) FROM inbox_event WHERE status = 'DONE'") > turned);
        // the replies are written in the turn's transaction, so once it is done they are all in the outbox
        long event = app.count("SELECT MAX(id) FROM inbox_event");
        return app.query("SELECT payload FROM outbox_message WHERE event_id = " + event + " ORDER BY action_index").stream()
                .map(row -> String.valueOf(row.get("payload"))).map(BotPrecedenceTest::text).toList();
    }

    private static String text(String payload) {
        try {
            return JSON.readTree(payload).path("text").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theBotOfHigherPriorityAnswersAndTheOthersStaySilent() {
        start("""
                bot: desk
                channels: [sms-main]
                priority: 10
                rules:
                  - name: welcome
                    when: { first-message: true }
                    then: [{reply: "desk welcome"}]
                    continue: true
                  - name: order
                    when: { keywords: [order] }
                    then: [{reply: "desk order"}]
                """);
        // the desk's only rule that fired lets the message through: the shop answers too, after it
        assertEquals(List.of("desk welcome", "shop fallback"), sms(101, "hello"));
        // the desk answers: the shop, of lower priority, is not asked
        assertEquals(List.of("desk order"), sms(102, "my order"));
        // no rule of the desk fires: the shop answers
        assertEquals(List.of("shop fallback"), sms(103, "thanks"));
        Eventually.await("the four replies sent", () -> gateway.calls("/api/send/sms").size() == 4);
    }

    @Test
    void botsOfOnePriorityBothAnswer() {
        start("""
                bot: desk
                channels: [sms-main]
                rules:
                  - name: order
                    when: { keywords: [order] }
                    then: [{reply: "desk order"}]
                """);
        // in the order of their files, as the bots of one folder always answered
        assertEquals(List.of("shop fallback", "desk order"), sms(201, "my order"));
    }
}
