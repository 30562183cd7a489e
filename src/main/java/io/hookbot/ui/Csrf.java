package io.hookbot.ui;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.util.Map;

/**
 * The answer to a form that changes something but did not send back its session's CSRF token (the hidden
 * {@code csrf} field of every such form): 403, nothing done. Each action checks
 * {@link DashboardSessions#csrfMatches} before it does anything; {@code UiCsrfTest} posts to every POST route of
 * the dashboard without the token and with a wrong one.
 */
final class Csrf {

    private Csrf() {
    }

    static MutableHttpResponse<?> refused(DashboardSessions.Session session) {
        return Page.render(HttpStatus.FORBIDDEN, "ui/error", "", session, Map.of("title", "Forbidden", "status", 403,
                "message", "This form did not come from this session of the dashboard (its CSRF token is missing "
                        + "or wrong); nothing was changed. Reload the page and try again."));
    }
}
