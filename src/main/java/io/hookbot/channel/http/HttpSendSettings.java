package io.hookbot.channel.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.HttpClients;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A channel's {@code send.http.*} settings, read and checked once at startup:
 * {@code url} (a template; its scheme, host and port must be literal), {@code method} (POST, PUT, PATCH or GET;
 * default POST), {@code headers.<Name>} (templates), the body as either {@code body} (a template, sent as
 * {@code content-type}, default {@code application/json}, and checked to be JSON then) or {@code form.<field>}
 * (templates, sent form-encoded), {@code timeout} (default 10s), and {@code idempotency-header} (default
 * {@code Idempotency-Key}, carrying the outbox row id; {@code none} to leave it out).
 *
 * @param origin            scheme, host and port of the URL
 * @param url               the URL template
 * @param method            the HTTP method
 * @param headers           header templates by name
 * @param body              the body template, or {@code null}
 * @param contentType       the body's content type
 * @param form              form field templates, or empty
 * @param timeout           how long to wait for an answer
 * @param idempotencyHeader the header carrying the row id, or {@code null}
 */
record HttpSendSettings(String origin, ReplyTemplate url, String method, Map<String, ReplyTemplate> headers,
                        ReplyTemplate body, String contentType, Map<String, ReplyTemplate> form, Duration timeout,
                        String idempotencyHeader) {

    static final String PREFIX = "send.http.";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "GET");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param channel a channel with {@code send.http.url}
     * @return its settings
     * @throws ChannelConfigException naming the first wrong setting
     */
    static HttpSendSettings of(ChannelConfig channel) {
        ReplyTemplate url = template(channel, "url");
        String literal = url.sample(value -> value);
        int placeholder = url.toString().indexOf("{{");
        URI uri = URI.create(literal.replace(" ", "%20"));
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        if (!HttpClients.isHttpUrl(literal) || (placeholder >= 0 && placeholder < origin.length() + 1)) {
            throw error(channel, "url", "must be an http(s) URL whose scheme, host and port are written out, not '"
                    + url + "'");
        }
        String method = channel.setting(PREFIX + "method").orElse("POST").trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw error(channel, "method", "must be one of POST, PUT, PATCH, GET, not '" + method + "'");
        }
        Map<String, ReplyTemplate> headers = group(channel, "headers.");
        Map<String, ReplyTemplate> form = group(channel, "form.");
        ReplyTemplate body = channel.setting(PREFIX + "body").isPresent() ? template(channel, "body") : null;
        String contentType = channel.setting(PREFIX + "content-type").orElse("application/json").trim();
        if (body != null && !form.isEmpty()) {
            throw error(channel, "body", "and " + PREFIX + "form.* are both set; a request has one body");
        }
        if (body != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
            try {
                JSON.readTree(body.sample(value -> value));
            } catch (Exception e) {
                throw error(channel, "body", "is not JSON with its placeholders filled in (" + e.getMessage()
                        .lines().findFirst().orElse("") + "); placeholders go inside strings: \"{{text}}\"");
            }
        }
        String idempotency = channel.setting(PREFIX + "idempotency-header").orElse("Idempotency-Key").trim();
        return new HttpSendSettings(origin, url, method, headers, body, contentType, form,
                channel.duration(PREFIX + "timeout", Duration.ofSeconds(10)),
                idempotency.equalsIgnoreCase("none") ? null : idempotency);
    }

    private static Map<String, ReplyTemplate> group(ChannelConfig channel, String group) {
        Map<String, ReplyTemplate> result = new LinkedHashMap<>();
        channel.settings().keySet().stream().sorted()
                .filter(key -> key.startsWith(PREFIX + group) && key.length() > (PREFIX + group).length())
                .forEach(key -> result.put(key.substring((PREFIX + group).length()),
                        template(channel, key.substring(PREFIX.length()))));
        return result;
    }

    private static ReplyTemplate template(ChannelConfig channel, String key) {
        try {
            return ReplyTemplate.parse(channel.settings().getOrDefault(PREFIX + key, ""));
        } catch (IllegalArgumentException e) {
            throw error(channel, key, e.getMessage());
        }
    }

    private static ChannelConfigException error(ChannelConfig channel, String key, String message) {
        return new ChannelConfigException("hookbot.channels." + channel.name() + "." + PREFIX + key + " " + message);
    }
}
