package io.hookbot.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

/** The answers {@link AccessFilter} refuses with: JSON {@code {error, message}}, as every admin error has. */
final class AccessRefusals {

    private static final String REALM = "Bearer realm=\"hookbot\"";

    private AccessRefusals() {
    }

    static HttpResponse<?> adminDisabled() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(AdminException.body("admin_disabled", null,
                "the admin API is disabled; set hookbot.admin.token (or HOOKBOT_ADMIN_TOKEN) to enable it"));
    }

    static HttpResponse<?> noTokenConfigured() {
        return HttpResponse.status(HttpStatus.NOT_FOUND).body(AdminException.body("private", null,
                "this path is private and no token is configured; set hookbot.admin.token (or "
                        + "HOOKBOT_ADMIN_TOKEN), or hookbot.api.token (HOOKBOT_API_TOKEN) for read-only calls, and "
                        + "send it as 'Authorization: Bearer <token>'"));
    }

    static HttpResponse<?> missingToken() {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, REALM)
                .body(AdminException.body("unauthorized", null,
                        "send the admin or api token as 'Authorization: Bearer <token>'"));
    }

    static HttpResponse<?> wrongToken(boolean anyConfigured) {
        return HttpResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"invalid_token\"")
                .body(AdminException.body("unauthorized", null, anyConfigured
                        ? "the token matches neither hookbot.admin.token nor hookbot.api.token"
                        : "no token is configured (hookbot.admin.token, hookbot.api.token)"));
    }

    static HttpResponse<?> readOnly(HttpMethod method) {
        return HttpResponse.status(HttpStatus.FORBIDDEN).body(AdminException.body("forbidden", null,
                "the api token is read-only (GET and HEAD); " + method + " needs the admin token"));
    }

    /**
     * @param read whether the call was a GET or HEAD
     * @return for a page, a redirect to the dashboard's sign-in page; for anything else, 401 (no
     *         {@code WWW-Authenticate}: a bearer token opens no dashboard page)
     */
    static HttpResponse<?> signIn(boolean read) {
        if (read) {
            return HttpResponse.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/ui/login")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(AdminException.body("unauthorized", null,
                "sign in to the dashboard at /ui/login first"));
    }
}
