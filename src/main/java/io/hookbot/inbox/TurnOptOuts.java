package io.hookbot.inbox;

import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceView;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.optout.KeywordTurn;
import io.hookbot.optout.OptOutGate;
import io.hookbot.optout.OptOutKeywords;
import io.hookbot.outbox.NewReply;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;

/**
 * A turn's side of opt-outs: before the rules, the message's keyword is handled on the turn's transaction
 * ({@link OptOutKeywords}: STOP, START, HELP); the rules then see the sender's standing and any send target's
 * ({@code opted-out:}); after them, the keyword's answer joins the turn's replies as the one message the registry
 * lets through ({@link NewReply#asOptOutNotice()}). Whatever else the rules answer goes the way of every message:
 * the outbox writes it suppressed if its recipient opted out.
 */
@Singleton
final class TurnOptOuts {

    private final OptOutKeywords keywords;
    private final OptOutGate gate;

    TurnOptOuts(OptOutKeywords keywords, OptOutGate gate) {
        this.keywords = keywords;
        this.gate = gate;
    }

    /**
     * Handles the event's keyword, if it is one, before its rules.
     *
     * @param connection the turn's transaction
     * @param stored     the event
     * @param now        the turn's time
     * @return the turn's opt-out side, to hand the rules their look-ups and add the keyword's answer
     * @throws SQLException on a database error
     */
    Turn before(Connection connection, InboxStore.StoredEvent stored, Instant now) throws SQLException {
        return new Turn(connection, stored, keywords.handle(connection, stored.id(), stored.event(), now));
    }

    /** One turn's opt-out side. */
    final class Turn {

        private final Connection connection;
        private final InboxStore.StoredEvent stored;
        private final KeywordTurn keyword;

        private Turn(Connection connection, InboxStore.StoredEvent stored, KeywordTurn keyword) {
            this.connection = connection;
            this.stored = stored;
            this.keyword = keyword;
        }

        /**
         * @param presence     the presence view, on the turn's transaction
         * @param firstMessage whether the message is its sender's first
         * @return the rules' look-ups, opt-outs included (read on the turn's transaction when a rule asks)
         */
        TurnLookups lookups(PresenceView presence, boolean firstMessage) {
            TurnLookups base = TurnLookups.of(presence, firstMessage);
            return new TurnLookups() {
                @Override
                public PresenceView presence() {
                    return base.presence();
                }

                @Override
                public boolean firstMessage() {
                    return base.firstMessage();
                }

                @Override
                public boolean senderOptedOut() {
                    try {
                        return keywords.senderOptedOut(connection, keyword);
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not read the opt-out registry", e);
                    }
                }

                @Override
                public boolean optedOut(String channel, String to) {
                    try {
                        return gate.optedOut(connection, channel, to);
                    } catch (SQLException e) {
                        throw new IllegalStateException("could not read the opt-out registry", e);
                    }
                }
            };
        }

        /**
         * Adds the keyword's answer to the turn's replies: hookbot's text, or, where the channel has the rules
         * confirm, the turn's first reply to the sender (hookbot's text when the rules said nothing).
         *
         * @param replies      every reply of the pass so far, this turn's last
         * @param conversation the conversation's id
         */
        void answer(List<NewReply> replies, long conversation) {
            if (keyword.confirmation() == null || !(stored.event() instanceof MessageReceived message)) {
                return;
            }
            if (keyword.confirmedByRules()) {
                NewReply first = null;
                int at = -1;
                for (ListIterator<NewReply> it = replies.listIterator(replies.size()); it.hasPrevious(); ) {
                    int index = it.previousIndex();
                    NewReply reply = it.previous();
                    if (reply.eventId() != stored.id()) {
                        break;
                    }
                    if (reply.channel().equals(message.channel()) && reply.recipient().equals(message.conversation())
                            && (first == null || reply.actionIndex() < first.actionIndex())) {
                        first = reply;
                        at = index;
                    }
                }
                if (first != null) {
                    replies.set(at, first.asOptOutNotice());
                    return;
                }
            }
            replies.add(new NewReply(stored.id(), NewReply.OPT_OUT_NOTICE_INDEX, message.channel(),
                    message.conversation(), message.replyTo(), keyword.confirmation(), List.of(), conversation,
                    true));
        }
    }
}
