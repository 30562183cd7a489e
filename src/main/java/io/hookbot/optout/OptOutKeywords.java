package io.hookbot.optout;

import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * A message that is an opt-out keyword, handled in its turn's transaction before the rules run: a STOP adds its
 * sender to the channel's registry (with the event's id), a START removes it, and the turn is told what to confirm.
 * The turn's commit is the registry's: a turn that rolls back leaves no opt-out, and one retried records it once.
 */
@Singleton
public class OptOutKeywords {

    private static final Logger LOG = LoggerFactory.getLogger(OptOutKeywords.class);

    private final OptOutPolicies policies;
    private final OptOutGate gate;
    private final OptOutStore store;

    public OptOutKeywords(OptOutPolicies policies, OptOutGate gate, OptOutStore store) {
        this.policies = policies;
        this.gate = gate;
        this.store = store;
    }

    /**
     * @param connection the turn's transaction
     * @param eventId    the event's inbox id
     * @param event      the event
     * @param now        the turn's time
     * @return what the keyword did, if the event was one
     * @throws SQLException on a database error
     */
    public KeywordTurn handle(Connection connection, long eventId, Event event, Instant now) throws SQLException {
        if (!(event instanceof MessageReceived message)) {
            return KeywordTurn.none(null, null);
        }
        Optional<OptOutPolicy> enabled = policies.enabled(message.channel());
        if (enabled.isEmpty()) {
            return KeywordTurn.none(null, null);
        }
        OptOutPolicy policy = enabled.get();
        String address = gate.address(message.channel(), message.replyTo(), message.conversation());
        Optional<OptOutPolicy.Keyword> keyword = policy.keyword(message.text());
        if (keyword.isEmpty()) {
            return KeywordTurn.none(policy, address);
        }
        return switch (keyword.get()) {
            case STOP -> {
                boolean added = store.add(connection, policy.scope(), address, message.channel(),
                        OptOut.Source.KEYWORD, OptOutText.fold(message.text()), eventId, now);
                if (added) {
                    LOG.info("Event {} on {}: the sender opted out (scope {})", eventId, message.channel(),
                            policy.scope());
                }
                yield new KeywordTurn(OptOutPolicy.Keyword.STOP, added, added ? policy.stopReply() : null, policy,
                        address);
            }
            case START -> {
                boolean removed = store.remove(connection, policy.scope(), address);
                if (removed) {
                    LOG.info("Event {} on {}: the sender opted back in (scope {})", eventId, message.channel(),
                            policy.scope());
                }
                yield new KeywordTurn(OptOutPolicy.Keyword.START, removed, removed ? policy.startReply() : null,
                        policy, address);
            }
            case HELP -> new KeywordTurn(OptOutPolicy.Keyword.HELP, false, policy.helpReply(), policy, address);
        };
    }

    /**
     * @param connection a transaction's connection
     * @param turn       a turn's keyword outcome
     * @return whether the turn's sender is opted out, as of now in that transaction
     * @throws SQLException on a database error
     */
    public boolean senderOptedOut(Connection connection, KeywordTurn turn) throws SQLException {
        if (turn.policy() == null) {
            return false;
        }
        if (turn.keyword() == OptOutPolicy.Keyword.STOP) {
            return true;
        }
        if (turn.keyword() == OptOutPolicy.Keyword.START) {
            return false;
        }
        return store.contains(connection, turn.policy().scope(), turn.address());
    }
}
