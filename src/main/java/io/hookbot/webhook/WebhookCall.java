package io.hookbot.webhook;

import io.hookbot.channel.WebhookRequest;

import java.util.List;
import java.util.Map;

/**
 * A webhook call as the server took it in, before its platform is known: the raw {@code Content-Type} header (the
 * platform decides which it accepts), the first value of each query parameter, every header and the body.
 *
 * @param contentType the {@code Content-Type} header as sent, or {@code null}
 * @param query       the query parameters, first value of each
 * @param headers     the headers, each with every value in order
 * @param body        the body, or {@code null} for none
 */
public record WebhookCall(String contentType, Map<String, String> query, Map<String, List<String>> headers,
                          byte[] body) {

    /**
     * @param type the media type the platform accepted, without parameters, lower case
     * @return the call as platforms read it
     */
    WebhookRequest request(String type) {
        return new WebhookRequest(type, body, query, headers);
    }
}
