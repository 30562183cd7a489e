package io.hookbot.db;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DatabaseHealthTests} on PostgreSQL, {@code ?user=…&password=…} in its URL; and the database refusing hookbot
 * (its role may no longer log in, its sessions ended): the {@code database} component is DOWN and the answer 503,
 * within the indicator's timeout, and still without the URL or the role named in the driver's error.
 */
@RequiresPostgres
class DatabaseHealthPostgresTest extends DatabaseHealthTests {
    @Override
    Database database(String user, String password) {
        return Database.postgresWithCredentialsInUrl(user, password);
    }

    @Override
    String productName() {
        return "PostgreSQL";
    }

    @Test
    void aDatabaseThatRefusesHookbotIsDownAndStillUnnamed() throws Exception {
        // every component that reads the database gives up after 3 s (BoundedHealthCheck), before the pool's wait
        // for a connection (10 s here, so that the workers blocked on the pool let the app stop soon after the test)
        app.stop();
        app.with("datasources.default.connection-timeout", 10_000).start();
        try (Connection c = DriverManager.getConnection(Database.postgresUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("ALTER ROLE " + user + " NOLOGIN");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + user + "'");
        }

        long started = System.nanoTime();
        HttpResponse<String> anonymous = new AdminClient(app, null).get("/health/readiness");
        assertTrue(System.nanoTime() - started < 8_000_000_000L, "answered within the components' limit, not the pool's");
        assertEquals(503, anonymous.statusCode(), anonymous.body());
        assertEquals("{\"status\":\"DOWN\"}", anonymous.body());
        HttpResponse<String> details = new AdminClient(app, ADMIN_TOKEN).get("/health/readiness");
        assertEquals(503, details.statusCode(), details.body());
        assertTrue(details.body().contains("\"database\":{\"name\":\"hookbot\",\"status\":\"DOWN\""),
                details.body());
        assertNothingOfTheUrlIn(details.body(), "/health/readiness while refused");
    }
}
