package io.hookbot.ui;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import io.micronaut.web.router.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may open what of the dashboard: without a session only the sign-in and the static files; a session opens
 * the pages and nothing else (no admin API), a bearer token no page; the cookie is {@code HttpOnly},
 * {@code SameSite=Strict} and scoped to {@code /ui}; a wrong token is refused; signing out ends the session for
 * good; and every form that changes something is refused without its session's CSRF token.
 */
class UiAccessTest {

    static final String TOKEN = "ui-access-admin-token-7";
    static final List<String> PAGES = List.of("/ui", "/ui/overview/figures", "/ui/conversations",
            "/ui/conversations/1", "/ui/outbox", "/ui/channels", "/ui/presence", "/ui/bots");

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.on(Database.h2()).with("hookbot.admin.token", TOKEN).with("hookbot.api.token", "ui-reader-1")
                .with(TestChannel.smsGateway("sms-main").secret("s1")).start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void withoutASessionOnlyTheSignInAndTheStaticFilesOpen() {
        UiClient anyone = new UiClient(app);
        for (String page : PAGES) {
            HttpResponse<String> answer = anyone.get(page);
            assertEquals(303, answer.statusCode(), page);
            assertEquals("/ui/login", answer.headers().firstValue("Location").orElse(""), page);
            assertFalse(answer.body().contains("sms-main"), page + " shows nothing: " + answer.body());
        }
        for (String action : List.of("/ui/outbox/1/retry", "/ui/inbox/1/retry", "/ui/channels/sms-main/resume",
                "/ui/bots/try", "/ui/logout", "/ui/conversations/1/handoff", "/ui/conversations/1/release",
                "/ui/conversations/1/messages")) {
            assertEquals(401, anyone.postExactly(action, Map.of("csrf", "x")).statusCode(), action);
        }
        HttpResponse<String> form = anyone.get("/ui/login");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"token\""), form.body());
        assertTrue(form.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        HttpResponse<String> css = anyone.get("/ui/assets/hookbot.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertEquals(200, anyone.get("/ui/assets/hookbot.js").statusCode());
        assertEquals(404, anyone.get("/ui/assets/application.yml").statusCode());
        assertEquals(303, anyone.get("/ui/assets/../conversations").statusCode(), "no way past the folder");
    }

    @Test
    void aBearerTokenOpensNoPageAndASessionNoOtherPath() {
        for (String token : List.of(TOKEN, "ui-reader-1")) {
            HttpResponse<String> page = new AdminClient(app, token).get("/ui/conversations");
            assertEquals(303, page.statusCode(), "the dashboard is the cookie's, not the bearer token's");
        }
        UiClient browser = signedIn();
        assertEquals(200, browser.get("/ui/conversations").statusCode());
        for (String path : List.of("/admin/outbox", "/admin/conversations", "/api/presence", "/prometheus")) {
            assertEquals(401, browser.get(path).statusCode(), path + " needs its bearer token still");
        }
        assertEquals(200, new AdminClient(app, TOKEN).get("/admin/outbox").statusCode(), "the admin API as before");
    }

    @Test
    void theRightTokenOpensASessionInAStrictHttpOnlyCookieAndAWrongOneIsRefused() {
        UiClient browser = new UiClient(app);
        HttpResponse<String> form = browser.get("/ui/login");
        String signInCookie = form.headers().allValues("Set-Cookie").toString();
        assertTrue(signInCookie.contains("hookbot_sign_in="), signInCookie);
        assertTrue(signInCookie.toLowerCase(Locale.ROOT).contains("httponly")
                && signInCookie.contains("SameSite=Strict"), signInCookie);

        HttpResponse<String> wrong = browser.post("/ui/login", Map.of("token", "guess"));
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("That is not the admin token."), wrong.body());
        assertTrue(browser.cookie(DashboardSessions.COOKIE).isEmpty(), "no session for a wrong token");
        assertEquals(303, browser.get("/ui").statusCode());
        browser.get("/ui/login");
        HttpResponse<String> reader = browser.post("/ui/login", Map.of("token", "ui-reader-1"));
        assertEquals(401, reader.statusCode(), "the read-only api token opens no dashboard");

        HttpResponse<String> right = browser.post("/ui/login", Map.of("token", TOKEN));
        assertEquals(303, right.statusCode(), right.body());
        assertEquals("/ui", right.headers().firstValue("Location").orElse(""));
        String cookie = right.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(DashboardSessions.COOKIE + "=")).findFirst().orElseThrow();
        for (String attribute : List.of("httponly", "samesite=strict", "path=/ui", "max-age=28800")) {
            assertTrue(cookie.toLowerCase(Locale.ROOT).contains(attribute), attribute + " in " + cookie);
        }
        assertFalse(cookie.contains(TOKEN), "the cookie is no token");
        HttpResponse<String> overview = browser.get("/ui");
        assertEquals(200, overview.statusCode());
        assertEquals(SecurityHeaders.POLICY, overview.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("DENY", overview.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("no-store", overview.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("same-origin", overview.headers().firstValue("Referrer-Policy").orElse(""),
                "not no-referrer: a browser would then post the forms with Origin: null, which Micronaut refuses");
        assertEquals(303, browser.get("/ui/login").statusCode(), "signed in: the form sends on to the overview");
    }

    @Test
    void aSignInFormFromElsewhereIsRefused() {
        UiClient browser = new UiClient(app);
        browser.get("/ui/login");
        assertEquals(403, browser.postExactly("/ui/login", Map.of("token", TOKEN)).statusCode(), "no CSRF field");
        assertEquals(403, browser.postExactly("/ui/login", Map.of("token", TOKEN, "csrf", "made-up")).statusCode());
        UiClient stranger = new UiClient(app);
        stranger.get("/ui/login");
        String theirs = stranger.csrf().orElseThrow();
        UiClient victim = new UiClient(app);
        assertEquals(403, victim.postExactly("/ui/login", Map.of("token", TOKEN, "csrf", theirs)).statusCode(),
                "a field without its cookie");
        assertTrue(victim.cookie(DashboardSessions.COOKIE).isEmpty());
    }

    @Test
    void signingOutEndsTheSessionForGood() {
        UiClient browser = signedIn();
        String session = browser.cookie(DashboardSessions.COOKIE).orElseThrow().getValue();
        browser.get("/ui");
        assertEquals(403, browser.postExactly("/ui/logout", Map.of()).statusCode(), "no CSRF token");
        assertEquals(200, browser.get("/ui").statusCode(), "still signed in");
        HttpResponse<String> out = browser.post("/ui/logout", Map.of());
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/ui/login", out.headers().firstValue("Location").orElse(""));
        assertTrue(out.headers().allValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith(DashboardSessions.COOKIE + "=;") && c.contains("Max-Age=0")),
                out.headers().allValues("Set-Cookie").toString());
        assertEquals(303, browser.get("/ui").statusCode());

        UiClient thief = new UiClient(app);
        thief.setCookie(DashboardSessions.COOKIE, session);
        assertEquals(303, thief.get("/ui/conversations").statusCode(), "the old cookie is no session any more");
    }

    @Test
    void everyFormThatChangesSomethingIsRefusedWithoutItsSessionsCsrfToken() {
        Set<String> posts = new TreeSet<>();
        app.context().getBean(Router.class).uriRoutes().forEach(route -> {
            String template = route.getUriMatchTemplate().getTemplateString();
            if (route.getHttpMethodName().toUpperCase(Locale.ROOT).equals("POST") && template.startsWith("/ui")) {
                posts.add(template.replace("{id}", "1").replace("{name}", "sms-main"));
            }
        });
        assertEquals(Set.of("/ui/login", "/ui/logout", "/ui/outbox/1/retry", "/ui/inbox/1/retry",
                "/ui/channels/sms-main/resume", "/ui/bots/try", "/ui/conversations/1/handoff",
                "/ui/conversations/1/release", "/ui/conversations/1/messages", "/ui/opt-outs",
                "/ui/opt-outs/1/remove"), posts, "the dashboard's actions; a new one is "
                + "listed here once it checks the CSRF token");
        UiClient browser = signedIn();
        UiClient other = signedIn();
        other.get("/ui");
        String othersToken = other.csrf().orElseThrow();
        for (String action : posts) {
            if (action.equals("/ui/login")) {
                continue; // its own token, aSignInFormFromElsewhereIsRefused
            }
            for (Map<String, String> form : List.of(Map.<String, String>of(), Map.of("csrf", ""),
                    Map.of("csrf", "wrong"), Map.of("csrf", othersToken))) {
                HttpResponse<String> answer = browser.postExactly(action, form);
                assertEquals(403, answer.statusCode(), action + " with " + form + ": " + answer.body());
                assertTrue(answer.body().contains("nothing was changed"), answer.body());
            }
        }
        assertEquals(200, browser.get("/ui").statusCode(), "still signed in after all that");
    }

    @Test
    void aRestartSignsEveryoneOutWhateverTheToken() {
        TestApp own = TestApp.on(Database.h2()).with("hookbot.admin.token", "first-token-123")
                .with(TestChannel.smsGateway("sms-main").secret("s1")).start();
        try {
            UiClient browser = new UiClient(own);
            assertEquals(303, browser.signIn("first-token-123").statusCode());
            String session = browser.cookie(DashboardSessions.COOKIE).orElseThrow().getValue();
            own.with("hookbot.admin.token", "second-token-456");
            own.restart();
            UiClient again = new UiClient(own);
            again.setCookie(DashboardSessions.COOKIE, session);
            assertEquals(303, again.get("/ui").statusCode(), "a session of the old token");
            assertEquals(401, new UiClient(own).signIn("first-token-123").statusCode(), "the old token");
            assertEquals(303, new UiClient(own).signIn("second-token-456").statusCode(), "the new one");
        } finally {
            own.close();
        }
    }

    @Test
    void withNoAdminTokenTheDashboardSaysHowToSetOne() {
        TestApp own = TestApp.on(Database.h2()).with("hookbot.api.token", "only-a-reader-1")
                .with(TestChannel.smsGateway("sms-main").secret("s1")).start();
        try {
            UiClient browser = new UiClient(own);
            HttpResponse<String> overview = browser.get("/ui");
            assertEquals(303, overview.statusCode());
            HttpResponse<String> form = browser.get("/ui/login");
            assertEquals(200, form.statusCode());
            assertTrue(form.body().contains("HOOKBOT_ADMIN_TOKEN"), form.body());
            assertFalse(form.body().contains("name=\"token\""), "no form to fill in: " + form.body());
            assertEquals(404, browser.postExactly("/ui/login", Map.of("token", "only-a-reader-1", "csrf", "x"))
                    .statusCode());
        } finally {
            own.close();
        }
    }

    @Test
    void withMetricsOffTheOverviewSaysSoAndThePagesStillOpen() {
        TestApp own = TestApp.on(Database.h2()).with("hookbot.admin.token", TOKEN)
                .with("micronaut.metrics.enabled", false)
                .with(TestChannel.smsGateway("sms-main").secret("s1")).start();
        try {
            UiClient browser = new UiClient(own);
            assertEquals(303, browser.signIn(TOKEN).statusCode());
            HttpResponse<String> overview = browser.get("/ui");
            assertEquals(200, overview.statusCode(), overview.body());
            assertTrue(overview.body().contains("Metrics are off"), overview.body());
            assertEquals(200, browser.get("/ui/bots").statusCode());
            assertEquals(200, browser.get("/ui/channels").statusCode());
        } finally {
            own.close();
        }
    }

    static UiClient signedIn() {
        UiClient browser = new UiClient(app);
        assertEquals(303, browser.signIn(TOKEN).statusCode());
        return browser;
    }
}
