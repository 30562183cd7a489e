package io.hookbot.admin;

import io.hookbot.admin.AccessTokens.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides every call: private by default. {@link OpenPaths} lists what anyone may call (webhooks, the bare health
 * status, the static Swagger UI page of the API document); everything else needs
 * {@code Authorization: Bearer <token>}: {@code hookbot.admin.token} for any call, {@code hookbot.api.token} for GET
 * and HEAD only (403 otherwise). A missing or wrong token is 401 with {@code WWW-Authenticate: Bearer}. Without
 * {@code hookbot.admin.token} the admin API does not exist (404 saying how to enable it), and without any token the
 * other private paths answer the same kind of 404.
 *
 * <p>On a health path a valid token sets a {@link TokenPrincipal} on the request, which is what makes Micronaut's
 * health endpoint show the details; a wrong one is refused there too, so that a misconfigured monitor is told.
 * Webhooks are let through untouched, whatever their {@code Authorization} header says: a platform may send one of
 * its own, and MQTT chat disables a callback that answers 401 or 403.
 *
 * <p>The metrics ({@code GET /prometheus}) are private as well, and the api token may read them: monitoring is what
 * the read-only token is for, and Prometheus sends it as a bearer token.
 *
 * <p>The dashboard ({@code /ui}) is for browsers, which cannot send a bearer token: its sign-in page, the sign-in
 * itself and its static files are open ({@link OpenPaths#isDashboardOpen}); every other dashboard path needs the
 * cookie of a signed-in session ({@link BrowserSessions}), and without one a GET is sent to the sign-in page and
 * anything else refused with 401. A bearer token opens no dashboard page, and a session opens no other path.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);

    private final AccessTokens tokens;
    private final BrowserSessions sessions;

    /**
     * @param tokens   the bearer tokens
     * @param sessions the dashboard's sessions; without them no dashboard page opens
     */
    public AccessFilter(AccessTokens tokens, @Nullable BrowserSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * @param request any call
     * @return {@code null} to let it through, or the refusal
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String path = request.getPath();
        if (OpenPaths.isWebhook(path)) {
            return null;
        }
        if (OpenPaths.isDocumentViewer(path) && readOnly(request.getMethod())) {
            return null;
        }
        if (OpenPaths.isDashboard(path)) {
            return dashboard(request, path);
        }
        boolean health = OpenPaths.isHealth(path);
        if (!health && isAdmin(path) && !tokens.adminConfigured()) {
            return AccessRefusals.adminDisabled();
        }
        if (!health && !tokens.anyConfigured()) {
            return AccessRefusals.noTokenConfigured();
        }
        Caller caller = tokens.identify(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
        return switch (caller) {
            case ANONYMOUS -> health ? null : AccessRefusals.missingToken();
            case WRONG -> {
                LOG.debug("Refused {} {}: the bearer token matches no configured token", request.getMethod(), path);
                yield AccessRefusals.wrongToken(tokens.anyConfigured());
            }
            case READER -> readOnly(request.getMethod()) ? admit(request, "api")
                    : AccessRefusals.readOnly(request.getMethod());
            case ADMIN -> admit(request, "admin");
        };
    }

    /** @return before Micronaut's own endpoint filter, which would refuse sensitive endpoints first */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }

    private HttpResponse<?> dashboard(HttpRequest<?> request, String path) {
        if (OpenPaths.isDashboardOpen(path, request.getMethod())) {
            return null;
        }
        if (sessions != null && tokens.adminConfigured() && sessions.signedIn(request)) {
            return null;
        }
        return AccessRefusals.signIn(readOnly(request.getMethod()));
    }

    private static HttpResponse<?> admit(HttpRequest<?> request, String token) {
        request.setUserPrincipal(new TokenPrincipal(token));
        return null;
    }

    private static boolean isAdmin(String path) {
        return path.equals("/admin") || path.startsWith("/admin/");
    }

    private static boolean readOnly(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }
}
