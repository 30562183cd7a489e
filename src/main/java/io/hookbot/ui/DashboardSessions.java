package io.hookbot.ui;

import io.hookbot.admin.AccessTokens;
import io.hookbot.admin.BrowserSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dashboard's signed-in sessions, held in this instance's memory. A session is opened by typing the admin token
 * ({@link AccessTokens#adminDigest}); its id is 32 random bytes, sent back as an {@code HttpOnly},
 * {@code SameSite=Strict} cookie scoped to {@code /ui}, and kept here only as its SHA-256 digest. A session is
 * accepted while it is not expired ({@code hookbot.ui.session-lifetime} from the sign-in), not signed out, and the
 * admin token it was opened with is still the configured one (compared in constant time); anything else is a
 * session no more, and is forgotten. Each session has its own CSRF token, which every form that changes something
 * sends back ({@link #csrfMatches}).
 *
 * <p>In memory on purpose: signing out ends a session at once and for good, which a signed cookie alone could not
 * promise, and nothing of it is written to the database. The price: a restart signs everyone out, and behind a
 * load balancer of several instances a browser must stay with the instance it signed in on (sticky sessions).
 */
@Singleton
public class DashboardSessions implements BrowserSessions {

    /** The session cookie's name. */
    static final String COOKIE = "hookbot_session";
    /** The cookie of the sign-in form's own CSRF token, before there is a session. */
    static final String SIGN_IN_COOKIE = "hookbot_sign_in";
    /** Where the cookies are sent. */
    static final String PATH = "/ui";
    /** More sessions than this and the oldest go (each is a sign-in with the admin token). */
    static final int MAX_SESSIONS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SIGN_IN_FORM_LIFETIME = Duration.ofHours(1);

    /** One signed-in browser. */
    public static final class Session {
        private final String key;
        private final String csrf;
        private final byte[] token;
        private final Instant expires;
        private volatile String notice;

        private Session(String key, String csrf, byte[] token, Instant expires) {
            this.key = key;
            this.csrf = csrf;
            this.token = token;
            this.expires = expires;
        }

        /** @return the session's CSRF token, for the forms of its pages */
        public String csrf() {
            return csrf;
        }

        /** @return when it ends */
        public Instant expires() {
            return expires;
        }

        /** @param text a line for the next page this session sees (what an action did) */
        void notice(String text) {
            notice = text;
        }

        /** @return the line left by the last action, once, or {@code null} */
        String takeNotice() {
            String text = notice;
            notice = null;
            return text;
        }
    }

    private final AccessTokens tokens;
    private final UiSettings settings;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /**
     * @param tokens   the configured tokens
     * @param settings {@code hookbot.ui.*}
     */
    @Inject
    public DashboardSessions(AccessTokens tokens, UiSettings settings) {
        this(tokens, settings, Clock.systemUTC());
    }

    DashboardSessions(AccessTokens tokens, UiSettings settings, Clock clock) {
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param typed what was typed into the sign-in form
     * @return the cookie value of a new session if it is the admin token, else empty
     */
    Optional<String> signIn(String typed) {
        byte[] digest = tokens.adminDigest(typed);
        if (digest == null) {
            return Optional.empty();
        }
        forgetEnded();
        String id = random();
        Instant expires = clock.instant().plus(settings.sessionLifetime());
        sessions.put(key(id), new Session(key(id), random(), digest, expires));
        return Optional.of(id);
    }

    /**
     * @param request a call
     * @return its live session, if it carries one
     */
    Optional<Session> find(HttpRequest<?> request) {
        return find(request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null));
    }

    /**
     * @param id a session cookie's value, or {@code null}
     * @return its live session, if it is one
     */
    Optional<Session> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String key = key(id);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expires) || !tokens.isAdminDigest(session.token)) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    @Override
    public boolean signedIn(HttpRequest<?> request) {
        return find(request).isPresent();
    }

    /**
     * Ends the request's session, if it has one, for good.
     *
     * @param request a call
     */
    void signOut(HttpRequest<?> request) {
        request.getCookies().findCookie(COOKIE).ifPresent(cookie -> signOut(cookie.getValue()));
    }

    /** @param id a session cookie's value: its session, if any, ends for good */
    void signOut(String id) {
        if (id != null) {
            sessions.remove(key(id));
        }
    }

    /**
     * @param session   a live session
     * @param submitted the CSRF token a form sent back, or {@code null}
     * @return whether it is the session's, compared in constant time
     */
    static boolean csrfMatches(Session session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrf.getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param id the cookie value of a new session
     * @return its cookie
     */
    Cookie sessionCookie(String id) {
        return cookie(COOKIE, id).maxAge(settings.sessionLifetime());
    }

    /** @return the cookie that ends the session cookie in the browser */
    Cookie clearedSessionCookie() {
        return cookie(COOKIE, "").maxAge(0);
    }

    /** @return a fresh CSRF token for the sign-in form, and its cookie (the double-submit pattern) */
    Cookie signInCookie(String token) {
        return cookie(SIGN_IN_COOKIE, token).maxAge(SIGN_IN_FORM_LIFETIME);
    }

    /** @return the cookie that ends the sign-in form's cookie */
    Cookie clearedSignInCookie() {
        return cookie(SIGN_IN_COOKIE, "").maxAge(0);
    }

    /** @return 32 random bytes, URL-safe Base64 */
    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return how many sessions are held (signed out and ended ones are forgotten as they are met) */
    int size() {
        return sessions.size();
    }

    private Cookie cookie(String name, String value) {
        return Cookie.of(name, value).path(PATH).httpOnly(true).sameSite(SameSite.Strict)
                .secure(settings.secureCookie());
    }

    private void forgetEnded() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expires) || !tokens.isAdminDigest(s.token));
        while (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min((a, b) -> a.expires.compareTo(b.expires))
                    .ifPresent(oldest -> sessions.remove(oldest.key, oldest));
        }
    }

    private static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
