package io.hookbot.ui;

import io.hookbot.testing.TestApp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for the dashboard's controller tests, without a browser: keeps cookies, follows no redirect (so a test
 * sees the 303s), reads the CSRF token from the page it was given, and posts forms as a browser would.
 */
final class UiClient {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final TestApp app;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String lastPage = "";

    UiClient(TestApp app) {
        this.app = app;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> get(String path) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app.url() + path)).GET());
        lastPage = answer.body();
        return answer;
    }

    /** POSTs a form, with the CSRF token of the last page fetched unless the fields name one. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        csrf().ifPresent(token -> form.put("csrf", token));
        form.putAll(fields);
        HttpResponse<String> answer = postExactly(path, form);
        lastPage = answer.body();
        return answer;
    }

    /** POSTs exactly these fields. */
    HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(app.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs in: fetches the form, posts the token with the form's CSRF token. */
    HttpResponse<String> signIn(String token) {
        get("/ui/login");
        return post("/ui/login", Map.of("token", token));
    }

    Optional<String> csrf() {
        Matcher m = CSRF.matcher(lastPage);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    void forgetCookies() {
        cookies.getCookieStore().removeAll();
    }

    /** Sets a cookie as another browser (or a thief) would send it. */
    void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/ui");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(app.url() + "/ui"), cookie);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
