package io.hookbot.channel;

/**
 * The batch marker of one call of a platform that numbers its calls (Webinato's {@code batchNo}): the inbox stores
 * it ahead of the call's events, in the same transaction and under its own dedupe key, so that the call takes its
 * place in the conversation's numbering even when it carried no event, or only events stored before. The inbox's
 * sequencer reads it and consumes it; it is not an {@link io.hookbot.api.Event}, so it never becomes a turn, and
 * rules, plugins, the admin API's counts and {@code replay} never see one.
 *
 * <p>A platform returns it as an {@link InboundEvent#of(String, BatchMark) InboundEvent} of its own, first in the
 * call's list; the events of the call carry the same batch number in their
 * {@link io.hookbot.api.MessageReceived.Sequence}.
 *
 * @param channel      the channel the call arrived on
 * @param conversation the conversation whose numbering it belongs to
 * @param batch        the call's number, from 1
 */
public record BatchMark(String channel, String conversation, long batch) {

    public BatchMark {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch is numbered from 1, not " + batch);
        }
    }
}
