package io.hookbot.api;

import java.util.List;

/**
 * Send a message to someone on a channel of the bot's choosing, not necessarily the one the turn came from: a
 * Webinato room question forwarded to the presenter's WhatsApp, a meeting start announced by SMS. Platforms without
 * a send API (Webinato, VCaaS) are answered this way, on another channel.
 *
 * <p>The recipient is written in the target platform's own terms: a phone number for {@code sms-gateway}
 * ({@code whatsapp:+63…} for a WhatsApp recipient), a channel name for {@code yalgaar}, a user id for
 * {@code mqtt-chat}, whatever the channel's templates expect for {@code http}.
 *
 * @param channel     the configured channel to send on ({@code hookbot.channels.<name>})
 * @param to          the recipient, in the target platform's terms
 * @param text        the text to send
 * @param attachments files to send with it, never {@code null}
 */
public record Send(String channel, String to, String text, List<Attachment> attachments) implements Action {

    public Send {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * @param channel the channel to send on
     * @param to      the recipient
     * @param text    the text
     * @return a text message to that recipient
     */
    public static Send text(String channel, String to, String text) {
        return new Send(channel, to, text, List.of());
    }
}
