package io.hookbot.channel;

import io.micronaut.http.HttpResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything hookbot needs to know about one platform: how to check and read its webhooks, how to acknowledge
 * them the way the platform expects, and how to send replies through it. One implementation per platform folder,
 * as a {@code @Singleton} bean.
 */
public interface Platform {

    /** @return the platform id used in {@code hookbot.channels.<name>.platform} */
    String id();

    /**
     * The media types this platform's webhooks are sent as, checked before a body is read: a call declaring
     * another, or none, is answered 415 naming these ({@link WebhookMediaType}). {@code application/json} also
     * admits the {@code +json} types; a {@code charset} parameter, where given, must be UTF-8.
     *
     * @return the accepted media types, lower case, without parameters, the one the platform documents first
     */
    default List<String> mediaTypes() {
        return List.of(WebhookMediaType.JSON);
    }

    /**
     * @return the settings a channel of this platform may have, relative to {@code hookbot.channels.<name>.}
     *         (besides {@code platform} and those every channel may have); any other key stops the startup
     */
    ChannelKeys settingKeys();

    /**
     * Checks a channel's settings at startup.
     *
     * @param channel a channel of this platform
     * @throws ChannelConfigException naming the setting that is missing or wrong
     */
    void validate(ChannelConfig channel);

    /**
     * Verifies a webhook call (secret, key or token) and reads it into events. Must not store anything.
     *
     * @param channel the channel the call was addressed to
     * @param request the call
     * @return the events it carries, possibly none
     * @throws WebhookRejection if the call is unauthenticated or malformed
     */
    List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) throws WebhookRejection;

    /**
     * The answer the platform expects once the events are safely stored.
     *
     * @param channel the channel
     * @param stored  what was stored
     * @return the acknowledgement
     */
    default HttpResponse<?> acknowledge(ChannelConfig channel, StoreOutcome stored) {
        return HttpResponse.ok(stored);
    }

    /**
     * The answer to a call that was rejected. Platforms that disable a URL on some status codes override this.
     *
     * @param channel   the channel
     * @param rejection why
     * @return the error response
     */
    default HttpResponse<?> reject(ChannelConfig channel, WebhookRejection rejection) {
        return rejection.toResponse();
    }

    /**
     * @param channel a channel of this platform
     * @return the sender for its replies, or empty when the channel has nothing configured to send with
     *         (replies then go to the dry-run log sender)
     */
    default Optional<Sender> sender(ChannelConfig channel) {
        return Optional.empty();
    }

    /**
     * Turns a recipient written in a rule or plugin ({@link io.hookbot.api.Send#to()}) into the address fields this
     * platform's sender reads, the same fields its parser puts in a message's {@code replyTo}. The default keeps the
     * recipient under {@code to}, which suits the generic {@code http} sender's templates.
     *
     * @param channel the channel the message goes out on
     * @param to      the recipient, in this platform's terms
     * @return the address fields
     */
    default Map<String, String> address(ChannelConfig channel, String to) {
        return Map.of("to", to);
    }
}
