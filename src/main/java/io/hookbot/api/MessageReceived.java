package io.hookbot.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user sent a message.
 *
 * @param channel      the channel it arrived on
 * @param conversation the conversation it belongs to (see each platform for how it is keyed)
 * @param sender       who sent it
 * @param text         the text, never {@code null} (empty for a message with only an attachment)
 * @param kind         what it carries
 * @param attachments  files that came with it, never {@code null}
 * @param externalId   the platform's id for the message, or {@code null} if it has none
 * @param timestamp    when the platform received it
 * @param sequence     the platform's ordering numbers (Webinato batch and message id), or {@code null}
 * @param replyTo      where a reply goes, in the platform's own terms (phone, device, SIM, account…);
 *                     only the channel's sender reads it
 */
public record MessageReceived(
        String channel,
        String conversation,
        User sender,
        String text,
        MessageKind kind,
        List<Attachment> attachments,
        String externalId,
        Instant timestamp,
        Sequence sequence,
        Map<String, String> replyTo) implements Event {

    public MessageReceived {
        text = text == null ? "" : text;
        kind = kind == null ? MessageKind.TEXT : kind;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        replyTo = replyTo == null ? Map.of() : Map.copyOf(replyTo);
    }

    /**
     * The platform's own ordering of a message.
     *
     * <p>Removed: {@code NO_MESSAGE}, {@code batchMarker(batch)} and {@code marksBatch()}. A Webinato call's
     * batch marker used to travel as a {@code MessageReceived} with position {@code NO_MESSAGE}; it is now
     * {@code io.hookbot.channel.BatchMark}, outside the plugin API, which only the inbox's sequencer reads. Plugins
     * never saw a marker: every sequence a rule or plugin sees is a message's own.
     *
     * @param batch    the batch the message came in (Webinato {@code batchNo})
     * @param position the message's number within the platform (Webinato {@code msgID})
     */
    public record Sequence(long batch, long position) {
    }
}
