package io.hookbot.web;

import io.hookbot.testing.AdminClient;
import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.faults.Faults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An exception no route handles is a 500 that names its type and SQLState, never the values in its message. */
class UnexpectedErrorHandlerTest {

    private final TestApp app = TestApp.on(Database.h2())
            .with("test.faults", "true")
            .with("hookbot.admin.token", "t0ken");

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void aDatabaseErrorInARouteIsA500WithoutItsValues() {
        app.start();
        app.context().getBean(Faults.class).arm(Faults.ADMIN_BACKLOG, () -> new SQLException(
                "Value too long: '+639171234567 please call me'", "22001"));

        HttpResponse<String> answer = new AdminClient(app, "t0ken").get("/admin/inbox");

        assertEquals(500, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"error\":\"internal_error\""), answer.body());
        assertTrue(answer.body().contains("SQLState 22001"), answer.body());
        assertFalse(answer.body().contains("+639171234567"), answer.body());
        assertFalse(answer.body().contains("please call me"), answer.body());
    }
}
