package io.hookbot.handoff;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.HandOff;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.ScheduleFired;
import io.hookbot.api.Send;
import io.hookbot.bot.TurnResult;
import io.hookbot.bot.TurnVerdict;
import io.hookbot.bot.guard.Durations;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.metrics.HandOffMeters;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A turn as human mode sees it, on the turn's transaction and under its conversation's lock. In bot mode the bot
 * answers as ever, and a {@link HandOff} among its actions puts the conversation in human mode (the message that
 * led to it forwarded to the agent target). In human mode no rule or plugin runs: the turn's record says the bot
 * stepped back and why, a message is forwarded to the agent target as an outbox row (in order, with retries, like
 * any reply) and starts the idle time again. A hand-off whose idle time has passed is released first, and the
 * turn is the bot's.
 */
@Singleton
public class HumanMode {

    /** What a stepped-back turn's verdict names as its guard. */
    public static final String GUARD = "human-mode";
    private static final Logger LOG = LoggerFactory.getLogger(HumanMode.class);

    private final HandOffStore store;
    private final ConversationStore conversations;
    private final HandOffMeters meters;

    public HumanMode(HandOffStore store, ConversationStore conversations, HandOffMeters meters) {
        this.store = store;
        this.conversations = conversations;
        this.meters = meters;
    }

    /**
     * Turns one event.
     *
     * @param connection   the turn's transaction, holding the conversation (on PostgreSQL, its row lock)
     * @param conversation the conversation
     * @param eventId      the event's inbox id
     * @param event        the event
     * @param now          the turn's time
     * @param bot          the bot's turn, run only in bot mode
     * @return what the turn decided: the bot's, with the forwards of a hand-off, or the stepped-back turn's
     * @throws SQLException on a database error
     */
    public TurnResult turn(Connection connection, Conversation conversation, long eventId, Event event, Instant now,
                           Supplier<TurnResult> bot) throws SQLException {
        Optional<HandOffState> current = store.current(connection, conversation.id());
        if (current.isPresent()) {
            // a turn in human mode writes: it holds the conversation's row first, as every writer of a hand-off
            // does (on PostgreSQL the turn holds it already; on an embedded H2 it is taken here), and reads again
            conversations.lock(connection, conversation.id(), true);
            current = store.current(connection, conversation.id());
        }
        if (current.isPresent() && current.get().idleAt(now)) {
            release(connection, conversation, current.get(), now, eventId);
            current = Optional.empty();
        }
        if (current.isPresent()) {
            return stepBack(connection, conversation, current.get(), eventId, event, now);
        }
        TurnResult answer = bot.get();
        HandOff handOff = lastHandOff(answer.actions());
        if (handOff == null) {
            return answer;
        }
        if (event instanceof ScheduleFired) {
            // a plugin's: a firing answers no conversation, so there is nothing to hand off
            LOG.warn("Event {}: a schedule firing's turn asked for a hand-off; a firing has no conversation to hand "
                    + "off, so it is ignored", eventId);
            return answer;
        }
        conversations.lock(connection, conversation.id(), true);
        HandOffState started = start(connection, conversation, handOff, answer.verdicts(), eventId, now);
        List<Action> actions = new ArrayList<>(answer.actions());
        forward(conversation, started, event).ifPresent(actions::add);
        return new TurnResult(actions, answer.state(), answer.matched(), answer.verdicts());
    }

    private TurnResult stepBack(Connection connection, Conversation conversation, HandOffState handOff, long eventId,
                                Event event, Instant now) throws SQLException {
        List<Action> actions = new ArrayList<>(1);
        if (event instanceof MessageReceived) {
            store.touch(connection, handOff.touched(now));
            forward(conversation, handOff, event).ifPresent(actions::add);
        }
        String reason = "in human mode since " + handOff.since() + " (handed off by " + handOff.by().word()
                + (handOff.detail() == null ? "" : " " + handOff.detail()) + "): the bot answers nothing"
                + (actions.isEmpty() ? "" : "; forwarded to " + handOff.target().channel());
        TurnVerdict verdict = new TurnVerdict(TurnVerdict.Kind.STEPPED_BACK, null, null, null, null,
                actions.isEmpty() ? null : Map.of("forward", 1), GUARD, reason);
        return new TurnResult(actions, conversation.state(), List.of(), List.of(verdict));
    }

    private HandOffState start(Connection connection, Conversation conversation, HandOff handOff,
                               List<TurnVerdict> verdicts, long eventId, Instant now) throws SQLException {
        // the rule that handed off is the one whose actions count a hand-off; its plugin's, if it called one
        TurnVerdict by = verdicts.stream().filter(v -> v.actions().containsKey("handoff")).reduce((a, b) -> b)
                .orElse(null);
        HandOffState.Source source = by != null && !by.plugins().isEmpty() ? HandOffState.Source.PLUGIN
                : HandOffState.Source.RULE;
        String detail = by == null ? null : by.bot() + "/" + by.rule()
                + (by.plugins().isEmpty() ? "" : " via " + String.join(", ", by.plugins()));
        HandOffState state = new HandOffState(conversation.id(), AgentTarget.of(handOff.channel(), handOff.address()),
                now, handOff.idle(), now, handOff.note(), source, detail);
        store.save(connection, state);
        store.log(connection, new LogEntry(0, conversation.id(), now, LogEntry.Kind.HANDOFF, source, detail,
                state.target(), state.idle(), state.note(), eventId));
        meters.handedOff(conversation.channel(), source.word());
        return state;
    }

    /**
     * Releases a hand-off whose idle time has passed; also the sweep's work.
     *
     * @param connection   the transaction, holding the conversation's row lock
     * @param conversation the conversation
     * @param handOff      the hand-off
     * @param now        the time
     * @param eventId    the event whose turn found it, or {@code null} for the sweep
     * @throws SQLException on a database error
     */
    void release(Connection connection, Conversation conversation, HandOffState handOff, Instant now, Long eventId) throws SQLException {
        store.end(connection, handOff.conversationId());
        store.log(connection, new LogEntry(0, handOff.conversationId(), now, LogEntry.Kind.RELEASE,
                HandOffState.Source.IDLE, "no message since " + handOff.lastActivity() + " (idle "
                + Durations.format(handOff.idle()) + ")", null, null, null, eventId));
        meters.released(conversation.channel(), HandOffState.Source.IDLE.word());
    }

    /** The customer's message for the agent: which conversation, who, and what they wrote. */
    private static Optional<Action> forward(Conversation conversation, HandOffState handOff, Event event) {
        if (handOff.target() == null || !(event instanceof MessageReceived message)) {
            return Optional.empty();
        }
        String who = message.sender() == null ? message.conversation()
                : message.sender().name() == null || message.sender().name().isBlank() ? message.sender().id()
                : message.sender().name() + " (" + message.sender().id() + ")";
        String text = "#" + conversation.id() + " " + conversation.channel() + " " + who + ": " + message.text();
        return Optional.of(new Send(handOff.target().channel(), handOff.target().address(), text,
                message.attachments()));
    }

    private static HandOff lastHandOff(List<Action> actions) {
        HandOff last = null;
        for (Action action : actions) {
            if (action instanceof HandOff handOff) {
                last = handOff;
            }
        }
        return last;
    }
}
