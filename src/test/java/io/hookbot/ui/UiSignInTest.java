package io.hookbot.ui;

import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UiSignInTest {

    static final String TOKEN = "ui-admin-token-0123456789";

    TestApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void signInShowsTheOverview() {
        app = TestApp.on(Database.h2()).with("hookbot.admin.token", TOKEN)
                .with(TestChannel.smsGateway("sms-main").secret("s1")).start();
        UiClient browser = new UiClient(app);
        HttpResponse<String> form = browser.get("/ui/login");
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> in = browser.signIn(TOKEN);
        assertEquals(303, in.statusCode(), in.body());
        HttpResponse<String> overview = browser.get("/ui");
        assertEquals(200, overview.statusCode(), overview.body());
        System.out.println(overview.body());
    }
}
