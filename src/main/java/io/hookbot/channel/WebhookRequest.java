package io.hookbot.channel;

import java.util.Map;

/**
 * A webhook call as it arrived, before any platform has looked at it.
 *
 * @param contentType the media type of the body without parameters, lower case, or {@code ""}
 * @param body        the raw body, never {@code null}
 * @param query       the query parameters (first value of each)
 */
public record WebhookRequest(String contentType, byte[] body, Map<String, String> query) {

    public WebhookRequest {
        contentType = contentType == null ? "" : contentType;
        body = body == null ? new byte[0] : body;
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    /** @return whether the body is declared as a URL-encoded form */
    public boolean isForm() {
        return contentType.equals("application/x-www-form-urlencoded");
    }
}
