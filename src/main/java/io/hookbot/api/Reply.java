package io.hookbot.api;

import java.util.List;

/**
 * Answer in the conversation the turn belongs to.
 *
 * @param text        the text to send
 * @param attachments files to send with it, never {@code null}
 */
public record Reply(String text, List<Attachment> attachments) implements Action {

    public Reply {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /**
     * @param text the text to send
     * @return a text reply
     */
    public static Reply text(String text) {
        return new Reply(text, List.of());
    }
}
