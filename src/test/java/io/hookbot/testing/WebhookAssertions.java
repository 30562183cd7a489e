package io.hookbot.testing;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on webhook answers that every platform suite makes: a refusal is JSON and says what is wrong. */
public final class WebhookAssertions {

    private WebhookAssertions() {
    }

    /**
     * @param response the answer to a webhook call
     * @param status   the expected status
     * @param field    the field the body must name, or {@code null} when the problem is not one field
     */
    public static void assertRejected(HttpResponse<String> response, int status, String field) {
        String what = response.request().uri() + " -> " + response.statusCode() + " " + response.body();
        assertEquals(status, response.statusCode(), what);
        assertTrue(response.headers().firstValue("content-type").orElse("").contains("json"), what);
        assertTrue(response.body().contains("\"message\""), what);
        if (field != null) {
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), what);
        }
    }
}
