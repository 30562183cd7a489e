package io.hookbot.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hookbot.api.Attachment;
import io.hookbot.channel.OutboundMessage;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What an outbox row's {@code payload} column holds, as JSON: where the reply goes, its text and its attachments.
 *
 * @param replyTo     the platform's address fields
 * @param text        the text
 * @param attachments files
 */
record ReplyPayload(Map<String, String> replyTo, String text, List<Attachment> attachments) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param reply a reply to write
     * @return its payload, as stored
     */
    static String json(NewReply reply) {
        try {
            return JSON.writeValueAsString(new ReplyPayload(reply.replyTo(), reply.text(), reply.attachments()));
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
        ReplyPayload payload;
        try {
            payload = JSON.readValue(json, ReplyPayload.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return new OutboundMessage(id, channel, payload.replyTo(), payload.text(), payload.attachments());
    }
}
