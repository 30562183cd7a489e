package io.hookbot.ui;

import io.hookbot.admin.AccessTokens;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session lasts its lifetime, ends at a sign-out, and ends when the admin token it was opened with is changed. */
class DashboardSessionsTest {

    /** Tokens that can be changed under a running session, as a refreshed configuration would. */
    static final class ChangingTokens extends AccessTokens {
        volatile AccessTokens now;

        ChangingTokens(String admin) {
            super(admin, null);
            now = new AccessTokens(admin, null);
        }

        @Override
        public byte[] adminDigest(String token) {
            return now.adminDigest(token);
        }

        @Override
        public boolean isAdminDigest(byte[] digest) {
            return now.isAdminDigest(digest);
        }
    }

    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ChangingTokens tokens = new ChangingTokens("token-one-abc");
    final MovableClock clock = new MovableClock();
    final DashboardSessions sessions = new DashboardSessions(tokens, new UiSettings(Duration.ofHours(8), false), clock);

    @Test
    void onlyTheAdminTokenOpensASessionAndEachHasItsOwnCsrfToken() {
        assertTrue(sessions.signIn("wrong").isEmpty());
        assertTrue(sessions.signIn(null).isEmpty());
        String a = sessions.signIn("token-one-abc").orElseThrow();
        String b = sessions.signIn(" token-one-abc ").orElseThrow();
        assertNotEquals(a, b);
        assertNotEquals(sessions.find(a).orElseThrow().csrf(), sessions.find(b).orElseThrow().csrf());
        assertTrue(DashboardSessions.csrfMatches(sessions.find(a).orElseThrow(),
                sessions.find(a).orElseThrow().csrf()));
        assertFalse(DashboardSessions.csrfMatches(sessions.find(a).orElseThrow(),
                sessions.find(b).orElseThrow().csrf()));
        assertFalse(DashboardSessions.csrfMatches(sessions.find(a).orElseThrow(), null));
        assertTrue(sessions.find("made-up").isEmpty());
        assertTrue(sessions.find((String) null).isEmpty());
    }

    @Test
    void aSessionEndsWithItsLifetime() {
        String id = sessions.signIn("token-one-abc").orElseThrow();
        clock.now = clock.now.plus(Duration.ofHours(8)).minusSeconds(1);
        assertTrue(signedIn(id));
        clock.now = clock.now.plusSeconds(1);
        assertFalse(signedIn(id));
        assertEquals(0, sessions.size(), "forgotten");
    }

    @Test
    void aSessionEndsWhenTheAdminTokenChanges() {
        String id = sessions.signIn("token-one-abc").orElseThrow();
        tokens.now = new AccessTokens("token-two-xyz", null);
        assertFalse(signedIn(id), "opened with a token that is no longer the admin token");
        tokens.now = new AccessTokens("token-one-abc", null);
        assertFalse(signedIn(id), "and forgotten, not revived by the old token's return");
        tokens.now = new AccessTokens(null, "reader-only");
        assertTrue(sessions.signIn("token-one-abc").isEmpty(), "no admin token: no sign-in");
    }

    @Test
    void signingOutEndsIt() {
        String id = sessions.signIn("token-one-abc").orElseThrow();
        sessions.signOut(id);
        assertFalse(signedIn(id));
    }

    private boolean signedIn(String session) {
        return sessions.find(session).isPresent();
    }
}
