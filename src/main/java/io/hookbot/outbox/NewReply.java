package io.hookbot.outbox;

import io.hookbot.api.Attachment;

import java.util.List;
import java.util.Map;

/**
 * A reply a turn produced, to be written to the outbox with the turn.
 *
 * @param eventId     the event being answered
 * @param actionIndex the action's index in the turn; with the event id, it makes the row unique
 * @param channel     the channel to send on
 * @param recipient   whom it goes to; replies to one recipient are delivered in order
 * @param replyTo     the platform's address fields
 * @param text        the text
 * @param attachments files
 * @param conversation the id of the conversation whose turn wrote it, for the delivery's log lines; {@code null}
 *                    when not known
 * @param optOutNotice whether it answers an opt-out keyword (the confirmation of a STOP or START, the answer to
 *                    HELP): the one message that goes to an address that opted out
 */
public record NewReply(long eventId, int actionIndex, String channel, String recipient, Map<String, String> replyTo,
                       String text, List<Attachment> attachments, Long conversation, boolean optOutNotice) {

    /** The action index of a turn's answer to an opt-out keyword, which is no action of the rules. */
    public static final int OPT_OUT_NOTICE_INDEX = -1;

    /** A reply that is no answer to an opt-out keyword. */
    public NewReply(long eventId, int actionIndex, String channel, String recipient, Map<String, String> replyTo,
                    String text, List<Attachment> attachments, Long conversation) {
        this(eventId, actionIndex, channel, recipient, replyTo, text, attachments, conversation, false);
    }

    /** @return this reply as the answer to an opt-out keyword, which the registry lets through */
    public NewReply asOptOutNotice() {
        return new NewReply(eventId, actionIndex, channel, recipient, replyTo, text, attachments, conversation, true);
    }

    /** A reply whose conversation is not known. */
    public NewReply(long eventId, int actionIndex, String channel, String recipient, Map<String, String> replyTo,
                    String text, List<Attachment> attachments) {
        this(eventId, actionIndex, channel, recipient, replyTo, text, attachments, null, false);
    }
}
