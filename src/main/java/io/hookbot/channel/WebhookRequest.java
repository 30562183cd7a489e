package io.hookbot.channel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook call as it arrived, before any platform has looked at it.
 *
 * @param contentType the media type of the body without parameters, lower case, or {@code ""}
 * @param body        the raw body, never {@code null}
 * @param query       the query parameters (first value of each)
 * @param headers     the request's headers, each with every value it was sent with, in order; names are looked up
 *                    without regard to case, as HTTP has them ({@link #header(String)})
 */
public record WebhookRequest(String contentType, byte[] body, Map<String, String> query,
                             Map<String, List<String>> headers) {

    public WebhookRequest {
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
        query = query == null ? Map.of() : Map.copyOf(query);
        headers = caseInsensitive(headers);
    }

    /**
     * A call without headers, as the command line's {@code replay} reads a recorded body.
     *
     * @param contentType the media type of the body without parameters, lower case, or {@code ""}
     * @param body        the raw body
     * @param query       the query parameters (first value of each)
     */
    public WebhookRequest(String contentType, byte[] body, Map<String, String> query) {
        this(contentType, body, query, Map.of());
    }

    /** Copied into a map whose keys ignore case, so {@code x-signature} finds {@code X-Signature}. */
    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (name != null && values != null && !values.isEmpty()) {
                    values.stream().filter(Objects::nonNull)
                            .forEach(copy.computeIfAbsent(name, n -> new ArrayList<>())::add);
                }
            });
            copy.replaceAll((name, values) -> List.copyOf(values));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** @return whether the body is declared as a URL-encoded form */
    public boolean isForm() {
        return contentType.equals("application/x-www-form-urlencoded");
    }

    /**
     * @param name a header name, in any case
     * @return its first value, if the call has it
     */
    public Optional<String> header(String name) {
        return headerValues(name).stream().findFirst();
    }

    /**
     * @param name a header name, in any case
     * @return every value it was sent with, in order; empty if none
     */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }
}
