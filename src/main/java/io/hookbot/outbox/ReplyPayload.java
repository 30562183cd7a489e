package io.hookbot.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.Attachment;
import io.hookbot.channel.OutboundMessage;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What an outbox row's {@code payload} column holds, as JSON: where the reply goes, its text and its attachments,
 * and the id of the conversation whose turn wrote it (for the delivery's log lines; absent from rows written before
 * it was kept).
 *
 * @param replyTo      the platform's address fields
 * @param text         the text
 * @param attachments  files
 * @param conversation the conversation's id, or {@code null}
 * @param optOutNotice {@code true} for the answer to an opt-out keyword, which is sent to an address that opted
 *                     out; {@code null} (not written) for every other reply
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ReplyPayload(Map<String, String> replyTo, String text, List<Attachment> attachments, Long conversation,
                    Boolean optOutNotice) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param reply a reply to write
     * @return its payload, as stored
     */
    static String json(NewReply reply) {
        try {
            return JSON.writeValueAsString(new ReplyPayload(reply.replyTo(), reply.text(), reply.attachments(),
                    reply.conversation(), reply.optOutNotice() ? Boolean.TRUE : null));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param id      the row's id
     * @param channel the row's channel
     * @param json    the row's stored payload
     * @return the reply it holds, to send or to show
     */
    static OutboundMessage message(long id, String channel, String json) {
        return read(json).message(id, channel);
    }

    /**
     * @param json a row's stored payload
     * @return it read
     */
    static ReplyPayload read(String json) {
        try {
            return JSON.readValue(json, ReplyPayload.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param id      the row's id
     * @param channel the row's channel
     * @return the reply, to send or to show
     */
    /** @return whether the row answers an opt-out keyword */
    boolean isOptOutNotice() {
        return Boolean.TRUE.equals(optOutNotice);
    }

    OutboundMessage message(long id, String channel) {
        return new OutboundMessage(id, channel, replyTo, text, attachments);
    }
}
