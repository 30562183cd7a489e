package io.hookbot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Calls a test app's private paths (the admin API, {@code /api/presence}, {@code /plugins}, the health details) with
 * a bearer token, the admin or the api one (or none, or a wrong one).
 */
public final class AdminClient {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestApp app;
    private final String token;

    /**
     * @param app   the running app
     * @param token the token to send, or {@code null} for no Authorization header
     */
    public AdminClient(TestApp app, String token) {
        this.app = app;
        this.token = token;
    }

    /**
     * @param path a path such as {@code /admin/outbox?status=FAILED}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /**
     * @param path a path such as {@code /api/presence}
     * @return the response to a HEAD
     */
    public HttpResponse<String> head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * @param path a path such as {@code /admin/channels/sms-main/resume}
     * @return the response to an empty POST
     */
    public HttpResponse<String> post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * @param path a path such as {@code /admin/inbox/quarantine/0123456789abcdef}
     * @return the response to a DELETE
     */
    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * @param path        a path such as {@code /webhooks/sms-main}
     * @param contentType the body's content type
     * @param body        the body
     * @return the response
     */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(app.url() + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
