package io.hookbot.outbox;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.Reply;
import io.hookbot.api.ScheduleFired;
import io.hookbot.api.Send;
import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * Turns a turn's message actions into outbox rows: a {@link Reply} goes back where the message came from, a
 * {@link Send} to the channel and recipient it names, addressed by that channel's platform (a schedule firing has
 * only sends). The action's index in
 * the turn makes each row unique, so a re-processed turn cannot add a second copy.
 */
@Singleton
public class ReplyAddressing {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyAddressing.class);

    private final ChannelRegistry channels;

    public ReplyAddressing(ChannelRegistry channels) {
        this.channels = channels;
    }

    /**
     * @param eventId the inbox id of the event the turn answered
     * @param event   that event
     * @param actions the turn's actions
     * @param into    where the outbox rows are added
     */
    public void collect(long eventId, Event event, List<Action> actions, List<NewReply> into) {
        collect(eventId, null, event, actions, into);
    }

    /**
     * @param eventId      the inbox id of the event the turn answered
     * @param conversation the id of the turn's conversation, kept with each reply for the delivery's log lines
     * @param event        that event
     * @param actions      the turn's actions
     * @param into         where the outbox rows are added
     */
    public void collect(long eventId, Long conversation, Event event, List<Action> actions, List<NewReply> into) {
        if (event instanceof ScheduleFired) {
            collectWithoutConversation(eventId, conversation, actions, into);
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (action instanceof Reply reply) {
                if (event instanceof MessageReceived message) {
                    into.add(new NewReply(eventId, i, message.channel(), message.conversation(),
                            message.replyTo(), reply.text(), reply.attachments(), conversation));
                } else {
                    LOG.warn("Event {} on {} is not a message, so a reply has nowhere to go; use send: with a "
                            + "channel and a recipient", eventId, event.channel());
                }
            } else if (action instanceof Send send) {
                send(eventId, conversation, i, send).ifPresent(into::add);
            }
        }
    }

    /**
     * The outbox rows of a schedule firing's turn, which answered no message: its {@link Send}s go out; a
     * {@link Reply} has no conversation to go to and is dropped with a warning.
     */
    private void collectWithoutConversation(long firingId, Long conversation, List<Action> actions,
                                            List<NewReply> into) {
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            if (action instanceof Send send) {
                send(firingId, conversation, i, send).ifPresent(into::add);
            } else if (action instanceof Reply) {
                LOG.warn("Schedule firing {} answered no message, so a reply has nowhere to go; use a send with a channel "
                        + "and a recipient", firingId);
            }
        }
    }

    private Optional<NewReply> send(long eventId, Long conversation, int index, Send send) {
        if (send.to() == null || send.to().isBlank()) {
            // a template that came out empty: there is no one to address, and a row would only fail later
            LOG.error("Event {}: a send on '{}' has no recipient; the message is dropped (give the recipient "
                    + "template a default)", eventId, send.channel());
            return Optional.empty();
        }
        Optional<ChannelConfig> channel = channels.find(send.channel());
        if (channel.isEmpty()) {
            LOG.error("Event {}: cannot send to unknown channel '{}'; the message is dropped", eventId, send.channel());
            return Optional.empty();
        }
        return Optional.of(new NewReply(eventId, index, send.channel(), send.to(),
                channels.platformOf(channel.get()).address(channel.get(), send.to()), send.text(), send.attachments(),
                conversation));
    }
}
