package io.hookbot.ui;

import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong tokens at the sign-in are limited per client address: ten within a minute, then 429 with Retry-After for
 * every sign-in from that address, the right token too, until the oldest failure is a minute old; other addresses
 * are not affected.
 */
class SignInLimiterTest {

    @Test
    void tenFailuresAMinuteThenEveryTryWaitsForTheOldestToAgeOut() {
        MovableClock clock = new MovableClock();
        SignInLimiter limiter = new SignInLimiter(clock);
        for (int i = 0; i < SignInLimiter.FAILURES; i++) {
            assertEquals(Optional.empty(), limiter.refused("10.0.0.1"), "try " + (i + 1));
            limiter.failed("10.0.0.1");
            clock.now = clock.now.plusSeconds(1);
        }
        assertEquals(Optional.of(Duration.ofSeconds(50)), limiter.refused("10.0.0.1"));
        assertEquals(Optional.empty(), limiter.refused("10.0.0.2"), "another address");
        clock.now = clock.now.plusSeconds(49);
        assertTrue(limiter.refused("10.0.0.1").isPresent());
        clock.now = clock.now.plusSeconds(1);
        assertEquals(Optional.empty(), limiter.refused("10.0.0.1"), "the first failure is a minute old");
        limiter.failed("10.0.0.1");
        assertEquals(Optional.of(Duration.ofSeconds(1)), limiter.refused("10.0.0.1"), "the second is next");
        clock.now = clock.now.plus(SignInLimiter.WINDOW);
        assertEquals(Optional.empty(), limiter.refused("10.0.0.1"));
    }

    @Test
    void theLimiterForgetsTheOldestAddressesFirst() {
        MovableClock clock = new MovableClock();
        SignInLimiter limiter = new SignInLimiter(clock);
        for (int i = 0; i < SignInLimiter.FAILURES; i++) {
            limiter.failed("first");
        }
        for (int a = 0; a < SignInLimiter.ADDRESSES; a++) {
            limiter.failed("other-" + a);
        }
        assertEquals(Optional.empty(), limiter.refused("first"), "forgotten: memory stays bounded");
        for (int i = 0; i < SignInLimiter.FAILURES; i++) {
            limiter.failed("other-0");
        }
        assertTrue(limiter.refused("other-0").isPresent());
    }

    @Test
    void theSignInAnswers429WithRetryAfterAndTheRightTokenWaitsToo() {
        String token = "limited-admin-token-3";
        try (TestApp app = TestApp.on(Database.h2()).with("hookbot.admin.token", token).start()) {
            UiClient browser = new UiClient(app);
            for (int i = 0; i < SignInLimiter.FAILURES; i++) {
                assertEquals(401, browser.signIn("guess-" + i).statusCode(), "guess " + (i + 1));
            }
            HttpResponse<String> limited = browser.signIn("guess-again");
            assertEquals(429, limited.statusCode(), limited.body());
            long seconds = Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0"));
            assertTrue(seconds >= 1 && seconds <= 60, "Retry-After " + seconds);
            assertTrue(limited.body().contains("Too many wrong tokens"), limited.body());
            HttpResponse<String> right = browser.signIn(token);
            assertEquals(429, right.statusCode(), "the right token waits too: guessing goes no faster");
            assertTrue(browser.cookie(DashboardSessions.COOKIE).isEmpty());
        }
    }

    private static final class MovableClock extends Clock {

        Instant now = Instant.parse("2026-01-01T00:00:00Z");

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
}
