package io.hookbot.channel;

import io.hookbot.api.Attachment;

import java.util.List;
import java.util.Map;

/**
 * A reply on its way out, as stored in the outbox.
 *
 * @param id          the outbox row id; unique, so it doubles as the idempotency key where a platform takes one
 * @param channel     the channel to send on
 * @param replyTo     where to, in the platform's own terms (copied from the message being answered)
 * @param text        the text
 * @param attachments files to send with it
 */
public record OutboundMessage(long id, String channel, Map<String, String> replyTo, String text,
                             List<Attachment> attachments) {

    public OutboundMessage {
        replyTo = replyTo == null ? Map.of() : Map.copyOf(replyTo);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * The text for media that carry text only (SMS, a Yalgaar message): the reply's text, then each attachment's URL
     * on a line of its own, so the recipient can still open the files.
     *
     * @return the text, with the attachments' URLs after it
     */
    public String textWithAttachmentLinks() {
        StringBuilder text = new StringBuilder(this.text == null ? "" : this.text);
        for (Attachment attachment : attachments) {
            if (attachment.url() != null && !attachment.url().isBlank()) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(attachment.url());
            }
        }
        return text.toString();
    }
}
