package io.hookbot.ui;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's opt-out page: a STOP listed with how and when, searched, an address added and removed with the
 * session's CSRF token (refused without it), markup in an address shown as text.
 */
@OnEachDatabase
class OptOutPageTests {

    static final String TOKEN = "ui-opt-outs-admin-token";

    @Parameter
    TestDatabase db;

    TestApp app;
    FakeGateway gateway;
    UiClient browser;

    @BeforeEach
    void start() {
        gateway = new FakeGateway();
        app = TestApp.on(db.fresh()).with("hookbot.admin.token", TOKEN)
                .with(TestChannel.smsGateway("sms-main").secret("s1").sendUrl(gateway.url()).sendApiKey("k"))
                .start();
        browser = new UiClient(app);
        assertEquals(303, browser.signIn(TOKEN).statusCode());
    }

    @AfterEach
    void stop() {
        app.close();
        gateway.close();
    }

    private String page(String path) {
        HttpResponse<String> answer = browser.get(path);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    @Test
    void aStopIsListedAndAnAddressIsAddedSearchedAndRemoved() {
        String body = "secret=s1&type=sms&data%5Bid%5D=7&data%5Bphone%5D=" + URLEncoder.encode("+15550100",
                StandardCharsets.UTF_8) + "&data%5Bmessage%5D=STOP&data%5Btimestamp%5D=1645684231";
        assertEquals(200, app.post("sms-main", "application/x-www-form-urlencoded", body).statusCode());
        Eventually.await("the opt-out", () -> app.count("SELECT COUNT(*) FROM opt_out") == 1);
        String list = page("/ui/opt-outs");
        assertTrue(list.contains("+15550100"), list);
        assertTrue(list.contains(">keyword<"), list);
        assertTrue(list.contains("href=\"/ui/opt-outs\""), "in the navigation: " + list);

        assertEquals(303, browser.post("/ui/opt-outs", Map.of("channel", "sms-main",
                "address", "<b>+1555</b>")).statusCode());
        String after = page("/ui/opt-outs");
        assertTrue(after.contains("Opted out: &lt;b&gt;+1555&lt;/b&gt;"), after);
        assertFalse(after.contains("<b>+1555"), "markup shown as text: " + after);
        assertTrue(page("/ui/opt-outs?q=0100").contains("+15550100"));
        assertFalse(page("/ui/opt-outs?q=0100").contains("&lt;b&gt;"));

        assertEquals(303, browser.post("/ui/opt-outs", Map.of("channel", "nope", "address", "+1")).statusCode());
        assertTrue(page("/ui/opt-outs").contains("Nothing done: no channel &#39;nope&#39;"));
        assertTrue(page("/ui/opt-outs?channel=nope").contains("no channel"));

        HttpResponse<String> forged = browser.postExactly("/ui/opt-outs", Map.of("channel", "sms-main",
                "address", "+19999"));
        assertEquals(403, forged.statusCode(), "no CSRF token, no change");
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out WHERE address = '+19999'"));

        Matcher remove = Pattern.compile("action=\"/ui/opt-outs/(\\d+)/remove\"").matcher(page("/ui/opt-outs?q=0100"));
        assertTrue(remove.find());
        assertEquals(303, browser.post("/ui/opt-outs/" + remove.group(1) + "/remove", Map.of()).statusCode());
        assertTrue(page("/ui/opt-outs").contains("Removed: +15550100 gets messages again."));
        assertEquals(0, app.count("SELECT COUNT(*) FROM opt_out WHERE address = '+15550100'"));
    }
}
