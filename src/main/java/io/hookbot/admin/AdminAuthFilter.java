package io.hookbot.admin;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /admin/**}: without {@code hookbot.admin.token} configured the admin API does not exist (404
 * saying how to enable it); with it, every call needs {@code Authorization: Bearer <token>} (401 otherwise).
 */
@ServerFilter("/admin/**")
public class AdminAuthFilter {

    private final byte[] token;

    public AdminAuthFilter(@Value("${hookbot.admin.token:}") String token) {
        this.token = token.isBlank() ? null : token.trim().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param request an admin call
     * @return {@code null} to let it through, or the refusal
     */
    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        if (token == null) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).body(AdminException.body("admin_disabled", null,
                    "the admin API is disabled; set hookbot.admin.token (or HOOKBOT_ADMIN_TOKEN) to enable it"));
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim() : null;
        // constant-time comparison, so the token cannot be guessed byte by byte from response times
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hookbot-admin\"")
                    .body(AdminException.body("unauthorized", null, presented == null
                            ? "send the admin token as 'Authorization: Bearer <token>'"
                            : "the admin token does not match hookbot.admin.token"));
        }
        return null;
    }
}
