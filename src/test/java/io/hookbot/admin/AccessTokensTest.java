package io.hookbot.admin;

import io.hookbot.admin.AccessTokens.Caller;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who an {@code Authorization} header makes the caller, and the two tokens' settings. */
class AccessTokensTest {

    private final AccessTokens tokens = new AccessTokens("admin-1", " api-1 ");

    @Test
    void aBearerTokenIsMatchedAgainstBothTokens() {
        assertEquals(Caller.ADMIN, tokens.identify("Bearer admin-1"));
        assertEquals(Caller.READER, tokens.identify("bearer api-1"), "the scheme in any case, the token trimmed");
        assertEquals(Caller.WRONG, tokens.identify("Bearer admin-10"));
        assertEquals(Caller.WRONG, tokens.identify("Bearer "));
    }

    @Test
    void noBearerTokenIsAnonymous() {
        assertEquals(Caller.ANONYMOUS, tokens.identify(null));
        assertEquals(Caller.ANONYMOUS, tokens.identify("Basic YWRtaW4tMQ=="));
        assertEquals(Caller.ANONYMOUS, tokens.identify("admin-1"));
    }

    @Test
    void blankTokensAreNotConfiguredAndMatchNothing() {
        AccessTokens none = new AccessTokens(" ", "");
        assertFalse(none.anyConfigured());
        assertFalse(none.adminConfigured());
        assertEquals(Caller.WRONG, none.identify("Bearer "));
        AccessTokens readerOnly = new AccessTokens("", "api-1");
        assertTrue(readerOnly.anyConfigured());
        assertFalse(readerOnly.adminConfigured());
        assertEquals(Caller.READER, readerOnly.identify("Bearer api-1"));
    }

    @Test
    void anApiTokenEqualToTheAdminTokenStopsTheStartup() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new AccessTokens("same", "same"));
        assertTrue(refused.getMessage().contains("hookbot.api.token"), refused.getMessage());
    }
}
