package io.hookbot.db;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The health answers of a hookbot whose datasource URL carries the user name and password: neither the URL nor the
 * credentials appear in {@code /health}, {@code /health/readiness} or {@code /health/liveness}, to anyone, token or
 * not, while the {@code database} component reports UP and the product name. Runs on H2 and on PostgreSQL (see the
 * subclasses).
 */
abstract class DatabaseHealthTests {

    static final String ADMIN_TOKEN = "health-admin-token";
    static final String API_TOKEN = "health-api-token";
    static final List<String> HEALTH = List.of("/health", "/health/readiness", "/health/liveness");

    /** Lower case, a role name PostgreSQL keeps as written; in no word the health answers use. */
    final String user = "hbu_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final String password = "pw-" + UUID.randomUUID();

    TestApp app;
    String url;

    /**
     * @param user     the user name to put in the URL
     * @param password the password to put in the URL
     * @return a fresh database whose datasource URL carries both
     */
    abstract Database database(String user, String password);

    /** @return the product name the {@code database} component reports */
    abstract String productName();

    @BeforeEach
    void start() {
        Database database = database(user, password);
        url = (String) database.properties().get("datasources.default.url");
        assertTrue(url.contains(user) && url.contains(password), url);
        app = TestApp.on(database)
                .with("hookbot.admin.token", ADMIN_TOKEN)
                .with("hookbot.api.token", API_TOKEN)
                .start();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void noHealthAnswerNamesTheUrlTheUserOrThePassword() {
        for (String token : new String[]{null, API_TOKEN, ADMIN_TOKEN}) {
            AdminClient client = new AdminClient(app, token);
            for (String path : HEALTH) {
                HttpResponse<String> health = client.get(path);
                assertEquals(200, health.statusCode(), path + ": " + health.body());
                assertNothingOfTheUrlIn(health.body(), path + (token == null ? " anonymous" : " with a token"));
            }
        }
        String details = new AdminClient(app, ADMIN_TOKEN).get("/health").body();
        assertTrue(details.contains("\"database\":{\"name\":\"hookbot\",\"status\":\"UP\",\"details\":{\"database\":\""
                + productName() + "\"}}"), details);
        assertFalse(details.contains("\"jdbc\""), details);
    }

    /**
     * @param body an answer
     * @param what which one, for the failure message
     */
    void assertNothingOfTheUrlIn(String body, String what) {
        String lower = body.toLowerCase(Locale.ROOT);
        // H2 keeps user names in upper case: any case counts
        assertFalse(lower.contains(user.toLowerCase(Locale.ROOT)), what + " names the user: " + body);
        assertFalse(lower.contains(password.toLowerCase(Locale.ROOT)), what + " names the password: " + body);
        assertFalse(lower.contains("jdbc:"), what + " names the URL: " + body);
        assertFalse(lower.contains("user=") || lower.contains("password="), what + ": " + body);
        String withoutScheme = url.substring("jdbc:".length());
        int settings = withoutScheme.indexOf(withoutScheme.startsWith("h2:") ? ';' : '?');
        String location = withoutScheme.substring(0, settings);
        assertFalse(body.contains(location), what + " names the database's location: " + body);
    }
}
