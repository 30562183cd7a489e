package io.hookbot.channel.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.FormBody;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.SendResults;
import io.hookbot.channel.Sender;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a reply as one HTTP call described by the channel's {@code send.http.*} settings (see
 * {@link HttpSendSettings}). Any 2xx is sent (the reference is the answer's JSON {@code id} or {@code messageId},
 * if any); 401/403 pause the channel; 408, 429 (with {@code Retry-After}), 5xx, timeouts and connection errors are
 * retried; any other answer fails the reply. The outbox row id goes out in the idempotency header, so a service
 * that honours it can drop the second copy of a retried call.
 */
public final class HttpSender implements Sender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpSendSettings settings;
    private final HttpClient client;

    /**
     * @param channel a channel with {@code send.http.url}
     * @param clients the shared HTTP clients
     * @throws io.hookbot.channel.ChannelConfigException naming a wrong setting
     */
    public HttpSender(ChannelConfig channel, HttpClients clients) {
        this.settings = HttpSendSettings.of(channel);
        this.client = clients.client(settings.origin(), settings.timeout());
    }

    /** The settings of this sender, which any channel may have ({@link HttpSendSettings}). */
    public static final ChannelKeys SETTING_KEYS = ChannelKeys.of(
            "send.http.url", "send.http.method", "send.http.body", "send.http.content-type", "send.http.timeout",
            "send.http.idempotency-header").withGroups("send.http.headers.", "send.http.form.");

    /**
     * @param channel a channel
     * @return whether it replies through this sender
     */
    public static boolean configured(ChannelConfig channel) {
        return channel.setting(HttpSendSettings.PREFIX + "url").isPresent();
    }

    @Override
    public SendResult send(OutboundMessage message) {
        MutableHttpRequest<Object> request;
        try {
            request = request(message);
        } catch (ReplyTemplate.MissingValueException e) {
            return new SendResult.Failed(0, "cannot build the request for reply #" + message.id() + ": "
                    + e.getMessage());
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return new SendResult.Sent(reference(response.getBody().orElse("")));
        } catch (HttpClientResponseException e) {
            return SendResults.ofStatus(e.code(), "HTTP " + e.code() + " from " + settings.origin() + ": "
                            + SendResults.abbreviate(e.getResponse().getBody(String.class).orElse("")),
                    SendResults.retryAfter(e.getResponse().getHeaders().get("Retry-After"), Instant.now()));
        } catch (HttpClientException e) {
            return new SendResult.Retry(settings.origin() + " unreachable: " + e.getMessage(), null);
        }
    }

    private MutableHttpRequest<Object> request(OutboundMessage message) throws ReplyTemplate.MissingValueException {
        URI uri = URI.create(settings.url().render(message, HttpSender::urlEncode));
        MutableHttpRequest<Object> request = io.micronaut.http.HttpRequest.create(HttpMethod.parse(settings.method()),
                uri.toString());
        for (Map.Entry<String, ReplyTemplate> header : settings.headers().entrySet()) {
            request.header(header.getKey(), header.getValue().render(message, HttpSender::headerSafe));
        }
        if (settings.idempotencyHeader() != null) {
            request.header(settings.idempotencyHeader(), Long.toString(message.id()));
        }
        if (settings.method().equals("GET")) {
            return request;
        }
        if (!settings.form().isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>();
            for (Map.Entry<String, ReplyTemplate> field : settings.form().entrySet()) {
                form.put(field.getKey(), field.getValue().render(message, value -> value));
            }
            return request.contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).body(FormBody.encode(form));
        }
        if (settings.body() != null) {
            boolean json = settings.contentType().toLowerCase().contains("json");
            return request.contentType(settings.contentType())
                    .body(settings.body().render(message, json ? HttpSender::jsonString : value -> value));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", message.id());
        body.put("channel", message.channel());
        body.put("replyTo", message.replyTo());
        body.put("text", message.text());
        body.put("attachments", message.attachments());
        return request.contentType(MediaType.APPLICATION_JSON_TYPE).body(write(body));
    }

    private static String reference(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                JsonNode id = json.hasNonNull("id") ? json.get("id") : json.get("messageId");
                return id == null || id.isContainerNode() ? null : id.asText();
            }
        } catch (Exception e) {
            // a body that is not JSON carries no reference
        }
        return null;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String jsonString(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    private static String headerSafe(String value) {
        // a value must not be able to start a header of its own
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
