package io.hookbot.webhook;

import io.hookbot.metrics.WebhookMeters;
import io.hookbot.worker.SafeErrors;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * {@link WebhookReception}'s answer as the bytes {@link WebhookFastPath} writes: the status, the headers, the body
 * encoded as the route would have encoded it (text as UTF-8, anything else as JSON by the application's own JSON
 * mapper), each answer timed as {@code http_server_requests_seconds{uri="/webhooks/{channel}"}} like a routed call.
 * A failure no platform turned into an answer is the 500 {@code io.hookbot.web.UnexpectedErrorHandler} gives a
 * routed call: its type and place, never its message.
 */
@Singleton
final class WebhookAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAnswers.class);

    private final JsonMapper json;
    private final WebhookMeters meters;

    WebhookAnswers(JsonMapper json, WebhookMeters meters) {
        this.json = json;
        this.meters = meters;
    }

    /**
     * @param version  the call's HTTP version
     * @param response the answer, or {@code null} when {@code failure} is set
     * @param failure  what went wrong instead, or {@code null}
     * @param started  {@link System#nanoTime()} when the call was read
     * @return the answer to write
     */
    FullHttpResponse of(HttpVersion version, HttpResponse<?> response, Throwable failure, long started) {
        FullHttpResponse answer;
        try {
            answer = failure == null ? encode(version, response) : failed(version, failure);
        } catch (RuntimeException | IOException bug) {
            answer = failed(version, bug);
        }
        meters.routed(answer.status().code(), started);
        return answer;
    }

    private FullHttpResponse encode(HttpVersion version, HttpResponse<?> response) throws IOException {
        Object body = response.body();
        byte[] bytes;
        String type = response.getContentType().map(MediaType::toString).orElse(null);
        if (body == null) {
            bytes = new byte[0];
        } else if (body instanceof CharSequence text) {
            bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        } else if (body instanceof byte[] raw) {
            bytes = raw;
        } else {
            bytes = json.writeValueAsBytes(body);
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(response.code()),
                Unpooled.wrappedBuffer(bytes));
        response.getHeaders().forEach((name, values) -> {
            if (!HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)) {
                answer.headers().add(name, values);
            }
        });
        if (bytes.length > 0 || type != null) {
            answer.headers().set(HttpHeaderNames.CONTENT_TYPE, type != null ? type : MediaType.APPLICATION_JSON);
        }
        answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return answer;
    }

    private FullHttpResponse failed(HttpVersion version, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String error = SafeErrors.describe(cause);
        LOG.error("POST /webhooks failed: {} (full trace at DEBUG)", error);
        LOG.debug("POST /webhooks failed", cause);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "internal_error");
        body.put("message", "hookbot could not answer this request (" + error + "); the log has the details");
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException unlikely) {
            bytes = "{\"error\":\"internal_error\"}".getBytes(StandardCharsets.UTF_8);
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(version, HttpResponseStatus.INTERNAL_SERVER_ERROR,
                Unpooled.wrappedBuffer(bytes));
        answer.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        answer.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return answer;
    }
}
