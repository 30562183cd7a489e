package io.hookbot.admin;

import io.hookbot.testing.OnEachDatabase;
import io.hookbot.testing.TestDatabase;
import org.junit.jupiter.params.Parameter;
import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Private by default, over real HTTP and a real database: which path answers whom, with the admin token, the
 * read-only api token, a wrong one or none, and with no token configured at all. Webhooks and the bare health status
 * stay open throughout. Runs on H2 and on PostgreSQL (see the subclasses).
 */
@OnEachDatabase
class AccessTests {

    static final String ADMIN_TOKEN = "access-admin-token";
    static final String API_TOKEN = "access-api-token";
    static final String FORM = "application/x-www-form-urlencoded";

    /** One GET per private route, each answered by its route (not the filter) once the caller may call it. */
    static final List<String> GETS = List.of("/api/presence", "/plugins", "/admin/inbox", "/admin/inbox/failed",
            "/admin/outbox", "/admin/channels", "/openapi.yml", "/later");
    /** The API document's Swagger UI page and its files: static, open to GET and HEAD (OpenPaths). */
    static final List<String> DOCUMENT_VIEWER = List.of("/swagger-ui/", "/swagger-ui/index.html",
            "/swagger-ui/res/swagger-ui-bundle.js", "/swagger-ui/res/swagger-ui.css");
    /** One POST per private route that changes something; each row or channel is absent or not paused. */
    static final List<String> POSTS = List.of("/admin/inbox/999999/retry", "/admin/outbox/999999/retry",
            "/admin/channels/sms-main/resume");
    static final List<String> HEALTH = List.of("/health", "/health/liveness", "/health/readiness");

    TestApp app;

    @Parameter
    TestDatabase db;

    Database database() {
        return db.fresh();
    }

    /** @return the product name the {@code database} health component reports */
    String productName() {
        return db.productName();
    }

    private TestApp start(String adminToken, String apiToken) {
        app = TestApp.on(database())
                .with("hookbot.admin.token", adminToken)
                .with("hookbot.api.token", apiToken)
                .with("hookbot.delivery.enabled", false)
                .with(TestChannel.smsGateway("sms-main").secret("s1"))
                .with("test.later-controller", true)
                .start();
        return app;
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void withoutATokenEveryPrivatePathIs401AndTheHealthStatusIsBare() {
        start(ADMIN_TOKEN, API_TOKEN);
        AdminClient anonymous = new AdminClient(app, null);
        for (String path : GETS) {
            assertRefused(anonymous.get(path), 401, "unauthorized", path);
        }
        for (String path : POSTS) {
            assertRefused(anonymous.post(path), 401, "unauthorized", path);
        }
        assertRefused(anonymous.get("/nowhere"), 401, "unauthorized", "an unknown path");
        for (String path : HEALTH) {
            HttpResponse<String> health = anonymous.get(path);
            assertEquals(200, health.statusCode(), path);
            assertEquals("{\"status\":\"UP\"}", health.body(), path);
        }
    }

    @Test
    void aWrongTokenIs401EverywhereButOnWebhooks() {
        start(ADMIN_TOKEN, API_TOKEN);
        AdminClient wrong = new AdminClient(app, "not-" + ADMIN_TOKEN);
        for (String path : GETS) {
            assertRefused(wrong.get(path), 401, "unauthorized", path);
        }
        for (String path : POSTS) {
            assertRefused(wrong.post(path), 401, "unauthorized", path);
        }
        for (String path : HEALTH) {
            assertRefused(wrong.get(path), 401, "unauthorized", path);
        }
        HttpResponse<String> webhook = wrong.post("/webhooks/sms-main", FORM, sms("1"));
        assertEquals(200, webhook.statusCode(), webhook.body());
    }

    @Test
    void theApiTokenReadsEverythingAndChangesNothing() {
        start(ADMIN_TOKEN, API_TOKEN);
        AdminClient reader = new AdminClient(app, API_TOKEN);
        for (String path : GETS) {
            HttpResponse<String> answer = reader.get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        }
        assertEquals(200, reader.head("/api/presence").statusCode());
        assertServedByTheRoute(reader.get("/admin/outbox/999999"), 404, "not_found");
        for (String path : POSTS) {
            assertRefused(reader.post(path), 403, "forbidden", path);
        }
        assertEquals(0, app.count("SELECT COUNT(*) FROM channel_pause"));
        assertHealthDetails(reader);
    }

    @Test
    void theAdminTokenCallsEverything() {
        start(ADMIN_TOKEN, API_TOKEN);
        AdminClient admin = new AdminClient(app, ADMIN_TOKEN);
        for (String path : GETS) {
            HttpResponse<String> answer = admin.get(path);
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        }
        assertTrue(admin.get("/api/presence").body().contains("\"users\""));
        assertTrue(admin.get("/plugins").body().startsWith("{"));
        assertEquals("later", admin.get("/later").body());
        assertServedByTheRoute(admin.post("/admin/inbox/999999/retry"), 404, "not_found");
        assertServedByTheRoute(admin.post("/admin/outbox/999999/retry"), 404, "not_found");
        assertServedByTheRoute(admin.post("/admin/channels/sms-main/resume"), 409, "conflict");
        assertEquals(404, admin.get("/nowhere").statusCode(), "past the filter, the router answers");
        for (String micronauts : List.of("/beans", "/info", "/routes", "/threaddump", "/refresh", "/flyway")) {
            assertEquals(404, admin.get(micronauts).statusCode(), micronauts + ": Micronaut's own endpoints stay off");
        }
        assertHealthDetails(admin);
    }

    @Test
    void webhooksStayOpenWhateverAuthorizationTheyCarry() {
        start(ADMIN_TOKEN, API_TOKEN);
        assertEquals(200, new AdminClient(app, null).post("/webhooks/sms-main", FORM, sms("1")).statusCode());
        assertEquals(200, new AdminClient(app, API_TOKEN).post("/webhooks/sms-main", FORM, sms("2")).statusCode());
        HttpResponse<String> badSecret = new AdminClient(app, ADMIN_TOKEN).post("/webhooks/sms-main", FORM,
                sms("3").replace("secret=s1", "secret=guess"));
        assertEquals(401, badSecret.statusCode(), "the channel's own secret still decides");
        assertFalse(badSecret.headers().firstValue("WWW-Authenticate").isPresent(), badSecret.headers().toString());
    }

    @Test
    void withNoTokenConfiguredPrivatePathsAre404SayingHowToEnableThem() {
        start("", "");
        AdminClient anyone = new AdminClient(app, null);
        for (String path : List.of("/api/presence", "/plugins", "/openapi.yml", "/later")) {
            HttpResponse<String> answer = anyone.get(path);
            assertRefused(answer, 404, "private", path);
            assertTrue(answer.body().contains("hookbot.admin.token") && answer.body().contains("hookbot.api.token"),
                    answer.body());
        }
        for (Function<String, HttpResponse<String>> call : List.<Function<String, HttpResponse<String>>>of(
                anyone::get, anyone::post)) {
            HttpResponse<String> admin = call.apply("/admin/channels/sms-main/resume");
            assertRefused(admin, 404, "admin_disabled", "the admin API");
            assertTrue(admin.body().contains("hookbot.admin.token"), admin.body());
        }
        for (String path : HEALTH) {
            assertEquals("{\"status\":\"UP\"}", anyone.get(path).body(), path);
        }
        HttpResponse<String> tokenForNothing = new AdminClient(app, ADMIN_TOKEN).get("/health");
        assertRefused(tokenForNothing, 401, "unauthorized", "a token when none is configured");
        assertTrue(tokenForNothing.body().contains("no token is configured"), tokenForNothing.body());
        assertEquals(200, anyone.post("/webhooks/sms-main", FORM, sms("1")).statusCode());
        assertEquals(200, anyone.get("/swagger-ui/index.html").statusCode(), "the page opens, to say so");
    }

    @Test
    void theApiDocumentsPageIsOpenToReadAndNothingBesideIt() {
        start(ADMIN_TOKEN, API_TOKEN);
        AdminClient anonymous = new AdminClient(app, null);
        for (String path : DOCUMENT_VIEWER) {
            assertEquals(200, anonymous.get(path).statusCode(), path);
            assertEquals(200, anonymous.head(path).statusCode(), path);
        }
        assertRefused(anonymous.post("/swagger-ui/index.html"), 401, "unauthorized", "a POST to the page");
        assertRefused(anonymous.get("/openapi.yml"), 401, "unauthorized", "the document it shows");
        for (String beside : List.of("/swagger-ui", "/swagger-ui/other.html", "/swagger-ui/res/",
                "/swagger-ui/res/.hidden", "/swagger-ui/res/../../hookbot.yml",
                "/swagger-ui/res/%2e%2e/%2e%2e/hookbot.yml", "/swagger-ui/res/..%2f..%2fhookbot.yml",
                "/swagger-ui/../../../application.yml")) {
            assertRefused(anonymous.get(beside), 401, "unauthorized", beside);
        }
    }

    @Test
    void withTheApiTokenAloneTheAdminApiStaysAbsentAndTheRestIsReadOnly() {
        start("", API_TOKEN);
        AdminClient reader = new AdminClient(app, API_TOKEN);
        assertRefused(reader.get("/admin/inbox"), 404, "admin_disabled", "/admin/inbox");
        assertEquals(200, reader.get("/api/presence").statusCode());
        assertEquals(200, reader.get("/plugins").statusCode());
        assertRefused(new AdminClient(app, null).get("/api/presence"), 401, "unauthorized", "/api/presence");
        assertHealthDetails(reader);
    }

    private void assertHealthDetails(AdminClient client) {
        HttpResponse<String> health = client.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"details\":{"), health.body());
        assertTrue(health.body().contains("\"database\":{\"name\":\"hookbot\",\"status\":\"UP\",\"details\":"
                + "{\"database\":\"" + productName() + "\"}}"), health.body());
        assertTrue(health.body().contains("\"delivery\":{"), health.body());
        assertTrue(client.get("/health/readiness").body().contains("\"database\":{"));
        assertTrue(client.get("/health/liveness").body().contains("\"deadlockedThreads\":{"));
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String error, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertTrue(answer.body().contains("\"error\":\"" + error + "\""), what + ": " + answer.body());
        if (status == 401) {
            assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
                    what + ": " + answer.headers());
        }
    }

    private static void assertServedByTheRoute(HttpResponse<String> answer, int status, String error) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\":\"" + error + "\""), answer.body());
    }

    private static String sms(String id) {
        return "secret=s1&type=sms&data[id]=" + id + "&data[device]=d&data[sim]=1&data[phone]=%2B639001"
                + "&data[message]=hi";
    }
}
