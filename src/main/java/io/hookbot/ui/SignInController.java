package io.hookbot.ui;

import io.hookbot.admin.AccessTokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of the dashboard. {@code GET /ui/login} shows a form asking for the admin token (or, with no
 * admin token configured, how to set one); {@code POST /ui/login} opens a session for the right token and answers a
 * wrong one 401; {@code POST /ui/logout} ends the session. The sign-in form carries a CSRF token of its own, also
 * set as a cookie, and the two must agree (there is no session yet to hold it), so no other site can sign a browser
 * in. Open to anyone ({@code io.hookbot.admin.OpenPaths}), but for the sign-out, which needs the session.
 */
@Hidden
@Controller(value = "/ui", produces = MediaType.TEXT_HTML)
public class SignInController {

    private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

    private final DashboardSessions sessions;
    private final AccessTokens tokens;
    private final SignInLimiter limiter;

    public SignInController(DashboardSessions sessions, AccessTokens tokens, SignInLimiter limiter) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.limiter = limiter;
    }

    /**
     * @param request the call
     * @return the sign-in form; the overview if already signed in
     */
    @Get("/login")
    public MutableHttpResponse<?> form(HttpRequest<?> request) {
        if (tokens.adminConfigured() && sessions.signedIn(request)) {
            return Page.seeOther("/ui");
        }
        return form(HttpStatus.OK, null);
    }

    /**
     * @param request the call
     * @param token   what was typed
     * @param csrf    the form's CSRF token
     * @return to the overview with a session, or the form again, 401 (403 for a form not of this site; 429 with
     *         {@code Retry-After} after too many wrong tokens from the client's address, {@link SignInLimiter})
     */
    @Post(value = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> signIn(HttpRequest<?> request, @Nullable @Body("token") String token,
                                         @Nullable @Body("csrf") String csrf) {
        if (!tokens.adminConfigured()) {
            return form(HttpStatus.NOT_FOUND, null);
        }
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> wait = limiter.refused(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            LOG.info("Dashboard sign-in refused: too many wrong tokens from the client's address");
            return form(HttpStatus.TOO_MANY_REQUESTS, "Too many wrong tokens from your address: try again in "
                    + seconds + " s.").header("Retry-After", String.valueOf(seconds));
        }
        Optional<Cookie> expected = request.getCookies().findCookie(DashboardSessions.SIGN_IN_COOKIE);
        if (csrf == null || expected.isEmpty() || !MessageDigest.isEqual(
                expected.get().getValue().getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            return form(HttpStatus.FORBIDDEN, "This form has expired or did not come from this dashboard; "
                    + "sign in again.");
        }
        Optional<String> session = sessions.signIn(token);
        if (session.isEmpty()) {
            limiter.failed(address);
            LOG.info("Dashboard sign-in refused: the token typed is not the admin token");
            return form(HttpStatus.UNAUTHORIZED, "That is not the admin token.");
        }
        LOG.info("Dashboard signed in");
        return Page.seeOther("/ui").cookie(sessions.sessionCookie(session.get()))
                .cookie(sessions.clearedSignInCookie());
    }

    /**
     * @param request the call
     * @param csrf    the session's CSRF token
     * @return to the sign-in form, the session ended
     */
    @Post(value = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> signOut(HttpRequest<?> request, @Nullable @Body("csrf") String csrf) {
        DashboardSessions.Session session = Page.session(sessions, request);
        if (!DashboardSessions.csrfMatches(session, csrf)) {
            return Csrf.refused(session);
        }
        sessions.signOut(request);
        LOG.info("Dashboard signed out");
        return Page.seeOther("/ui/login").cookie(sessions.clearedSessionCookie());
    }

    private MutableHttpResponse<ModelAndView<Map<String, Object>>> form(HttpStatus status, String error) {
        String csrf = DashboardSessions.random();
        MutableHttpResponse<ModelAndView<Map<String, Object>>> page = Page.render(status, "ui/login", "login", null,
                Map.of("title", "Sign in", "configured", tokens.adminConfigured(), "error", error == null ? "" : error,
                        "loginCsrf", csrf));
        return tokens.adminConfigured() ? page.cookie(sessions.signInCookie(csrf)) : page;
    }
}
