package io.hookbot.admin;

import io.micronaut.http.HttpRequest;

/**
 * The signed-in browser sessions of the dashboard ({@code /ui}), as {@link AccessFilter} asks about them: a
 * dashboard page other than its sign-in page and its static files is let through only when this says the request
 * carries a live session. The dashboard's package implements it; this package defines it so that it need not
 * import the dashboard (which imports this package's services).
 */
public interface BrowserSessions {

    /**
     * @param request a call to a dashboard path
     * @return whether it carries the cookie of a session that is signed in, not expired, not signed out, and was
     *         opened with the admin token configured now
     */
    boolean signedIn(HttpRequest<?> request);
}
