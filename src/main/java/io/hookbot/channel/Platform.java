package io.hookbot.channel;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything hookbot needs to know about one platform: how to check and read its webhooks, how to acknowledge
 * them the way the platform expects, how to send replies through it, and what the rest of hookbot may assume of
 * it (whether a message can be answered in its conversation, what a recorded call needs to be replayed). One
 * implementation per platform folder, as a {@code @Singleton} bean: being a bean is all it takes to be known.
 * Nothing outside the folder names the platform; every list of platforms (the ids a channel or a rule may name,
 * those {@code replay} reads) is derived from the beans ({@link Platforms}).
 *
 * <p>A platform is also made by the command line, without the application ({@link Platforms#withoutApplication}):
 * its constructor may ask only for beans that are made on demand and need no database or server (such as
 * {@link HttpClients}); it must not connect to anything until a sender is asked for.
 */
public interface Platform {

    /**
     * @return the platform id used in {@code hookbot.channels.<name>.platform} and in a rule's {@code platform:}
     *         condition: lower case, unique among the platforms
     */
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
     * Verifies a webhook call (secret, key, token or signature: {@link HmacSignature}) and reads it into events.
     * Must not store anything.
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
        return HttpResponse.ok(stored.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
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
     * @return the sender of the platform's own send API for its replies, or empty when the channel has nothing of
     *         it configured (or the platform has none); replies then go through the generic HTTP sender where the
     *         channel has {@code send.http.url}, which any channel may have and which comes first, or else to the
     *         dry-run log sender ({@link SenderRegistry})
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

    /**
     * Whether a channel of this platform honours opt-outs (STOP, START, HELP) unless its
     * {@code opt-out.enabled} says otherwise: yes for text messaging, where carriers and the law expect it.
     *
     * @return the default of {@code opt-out.enabled}; the default, no, suits a platform of chats and rooms
     */
    default boolean optOutByDefault() {
        return false;
    }

    /**
     * The address an opt-out (STOP) is recorded under for a message to these address fields: the person, spelt as a
     * {@link io.hookbot.api.Send#to()} to them would be, so that a STOP said in a conversation also stops a rule's
     * {@code send} to that person, and an operator can type it. The default is the recipient itself (the
     * conversation a reply goes to).
     *
     * @param replyTo   the message's address fields ({@link #address}'s, or a parser's {@code replyTo})
     * @param recipient the outbox's recipient: the conversation of a reply, the {@code to} of a send
     * @return the address, never blank
     */
    default String optOutAddress(Map<String, String> replyTo, String recipient) {
        return recipient;
    }

    /**
     * Whether a message from this platform can be answered in the conversation it came from, with a rule's or
     * plugin's {@code reply}. A platform whose webhooks bring messages but that has no API to answer them (a webinar
     * room's chat, a meeting) says no: its messages are answered with a {@code send} on another channel, and the
     * rule files' check refuses a {@code reply} in a rule that can hear from its channels. The default, yes, suits a
     * platform with a send API of its own or one answered through the generic HTTP sender.
     *
     * @return whether a {@code reply} to its messages has somewhere to go
     */
    default boolean repliesInConversation() {
        return true;
    }

    /**
     * The settings of a channel that accepts a recorded call as it is, for the command line's {@code replay}, which
     * runs recorded bodies through {@link #read} without knowing the channels' real credentials: the credential the
     * recording carries itself (a secret or key in its body) under the setting {@link #read} checks it against,
     * and for a URL token the one the replayed call carries in its query ({@code replay} adds one). A credential
     * the recording lacks is given any value it cannot match, so that {@link #read} refuses the call as the server
     * would. A signature sent in a header cannot be replayed: the recording keeps only the body.
     *
     * @param recorded the recorded call: its body and the query {@code replay} gives it, no headers
     * @return the settings {@link #read} needs to accept it; the default, none, suits a platform whose calls carry
     *         no credential
     */
    default Map<String, String> sampleSettings(WebhookRequest recorded) {
        return Map.of();
    }
}
