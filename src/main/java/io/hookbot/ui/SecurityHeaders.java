package io.hookbot.ui;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * What every dashboard answer says to the browser: a Content-Security-Policy that runs no script and loads no file
 * but hookbot's own (so even text that slipped through unescaped could run nothing, and no inline script or
 * style is allowed), no framing, no sniffing of content types, no referrer to other sites; and, but for the static files, no
 * caching of pages that show conversations.
 */
@ServerFilter({"/ui", "/ui/**"})
public class SecurityHeaders {

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /**
     * @param request  the call
     * @param response its answer
     */
    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", POLICY);
        response.header("X-Frame-Options", "DENY");
        response.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the forms' POSTs, which
        // Micronaut refuses (403) on a local address as a drive-by-localhost attack
        response.header("Referrer-Policy", "same-origin");
        if (!request.getPath().startsWith("/ui/assets/")) {
            response.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
