package io.hookbot.admin;

import io.micronaut.http.HttpMethod;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only paths anyone may call without a token; {@link AccessFilter} makes every other path private, so a
 * controller or management endpoint added later needs a token unless it is listed here.
 *
 * <ul>
 *   <li>{@code /webhooks/**}: the platforms cannot send our tokens; each channel checks its own secret, and MQTT chat
 *       disables a callback that ever answers 401 or 403.</li>
 *   <li>{@code /health}, {@code /health/liveness}, {@code /health/readiness}: probes and load balancers need the
 *       status; its details are shown to token holders only ({@code endpoints.health.details-visible}).</li>
 *   <li>{@code /swagger-ui/}, {@code /swagger-ui/index.html} and the files under {@code /swagger-ui/res/}, for GET and
 *       HEAD: the Swagger UI page of the API document and its scripts, static files the build writes, the same in
 *       every hookbot. A browser cannot send a bearer token when it opens a page; the page asks for one and sends it
 *       to fetch {@code /openapi.yml}, which stays private ({@link ApiDocumentController}). A file name has no
 *       {@code /} and starts with a letter or digit, so no {@code ..} reaches past the page's folder.</li>
 *   <li>The dashboard's sign-in: {@code GET} and {@code HEAD /ui/login} (the form, or how to set the admin token when
 *       none is set), {@code POST /ui/login} (the token, checked by the dashboard), and its own static files,
 *       {@code GET} and {@code HEAD /ui/assets/<file>} (a file name as for Swagger UI's). Every other path under
 *       {@code /ui} needs a signed-in session ({@link BrowserSessions}).</li>
 * </ul>
 *
 * Micronaut's router neither decodes nor resolves {@code .} and {@code ..} segments, so {@code /webhooks/../admin}
 * reaches no admin route; a trailing slash reaches the same route as the path without it.
 */
final class OpenPaths {

    private static final String WEBHOOKS = "/webhooks/";
    private static final Set<String> HEALTH = Set.of("/health", "/health/liveness", "/health/readiness");
    private static final Pattern DOCUMENT_VIEWER =
            Pattern.compile("/swagger-ui/(index\\.html|res/[A-Za-z0-9][A-Za-z0-9._-]*)?");

    private static final String DASHBOARD = "/ui";
    private static final String DASHBOARD_SIGN_IN = "/ui/login";
    private static final Pattern DASHBOARD_ASSET = Pattern.compile("/ui/assets/[A-Za-z0-9][A-Za-z0-9._-]*");

    private OpenPaths() {
    }

    /**
     * @param path a request path, without its query
     * @return whether it is a webhook path
     */
    static boolean isWebhook(String path) {
        return path.startsWith(WEBHOOKS);
    }

    /**
     * @param path a request path, without its query
     * @return whether it is one of the open health paths
     */
    static boolean isHealth(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return HEALTH.contains(trimmed);
    }

    /**
     * @param path a request path, without its query
     * @return whether it is the API document's Swagger UI page or one of its files
     */
    static boolean isDocumentViewer(String path) {
        return DOCUMENT_VIEWER.matcher(path).matches();
    }

    /**
     * @param path a request path, without its query
     * @return whether it is the dashboard's, {@code /ui} or under it
     */
    static boolean isDashboard(String path) {
        return path.equals(DASHBOARD) || path.startsWith(DASHBOARD + "/");
    }

    /**
     * @param path   a dashboard path, without its query
     * @param method the call's method
     * @return whether anyone may make the call: the sign-in page and the sign-in, and the dashboard's static files
     */
    static boolean isDashboardOpen(String path, HttpMethod method) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (path.equals(DASHBOARD_SIGN_IN)) {
            return read || method == HttpMethod.POST;
        }
        return read && DASHBOARD_ASSET.matcher(path).matches();
    }
}
