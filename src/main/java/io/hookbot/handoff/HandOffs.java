package io.hookbot.handoff;

import io.hookbot.api.MessageReceived;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.metrics.HandOffMeters;
import io.hookbot.outbox.NewReply;
import io.hookbot.outbox.OutboxWriter;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Human mode from outside a turn (the admin API, and the dashboard through it): hand a conversation off, release
 * it, send the agent's message to the customer. Each call is one transaction that first takes the conversation's
 * lock, waiting for a turn that holds it, so it never interleaves with a turn; what it changes is logged in the
 * same transaction (the conversation's timeline). Values are checked by the caller.
 */
@Singleton
public class HandOffs {

    private final TransactionOperations<Connection> transactions;
    private final ConversationStore conversations;
    private final HandOffStore store;
    private final OutboxWriter outbox;
    private final HandOffMeters meters;

    public HandOffs(TransactionOperations<Connection> transactions, ConversationStore conversations,
                    HandOffStore store, OutboxWriter outbox, HandOffMeters meters) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.store = store;
        this.outbox = outbox;
        this.meters = meters;
    }

    /**
     * Puts a conversation in human mode, or replaces its hand-off (a new target, idle time or note; its idle time
     * starts again).
     *
     * @param conversationId the conversation
     * @param target         where to forward the customer's messages, or {@code null}
     * @param idle           how long without a message until the bot takes over again
     * @param note           why, or {@code null}
     * @return the hand-off, or empty if there is no such conversation
     */
    public Optional<HandOffState> handOff(long conversationId, AgentTarget target, Duration idle, String note) {
        return transactions.executeWrite(s -> {
            Connection connection = s.getConnection();
            Optional<Conversation> conversation = conversations.lock(connection, conversationId, true);
            if (conversation.isEmpty()) {
                return Optional.empty();
            }
            Instant now = now();
            Optional<HandOffState> before = store.current(connection, conversationId);
            HandOffState state = new HandOffState(conversationId, target,
                    before.map(HandOffState::since).orElse(now), idle, now, note, HandOffState.Source.ADMIN, null);
            store.save(connection, state);
            store.log(connection, new LogEntry(0, conversationId, now, LogEntry.Kind.HANDOFF,
                    HandOffState.Source.ADMIN, before.isPresent() ? "changed" : null, target, idle, note, null));
            if (before.isEmpty()) {
                meters.handedOff(conversation.get().channel(), HandOffState.Source.ADMIN.word());
            }
            return Optional.of(state);
        });
    }

    /**
     * Gives a conversation back to the bot.
     *
     * @param conversationId the conversation
     * @return the hand-off it ended, empty inside if it was in bot mode; empty outside if there is no such
     *         conversation
     */
    public Optional<Optional<HandOffState>> release(long conversationId) {
        return transactions.executeWrite(s -> {
            Connection connection = s.getConnection();
            Optional<Conversation> conversation = conversations.lock(connection, conversationId, true);
            if (conversation.isEmpty()) {
                return Optional.empty();
            }
            Optional<HandOffState> current = store.current(connection, conversationId);
            if (current.isPresent()) {
                store.end(connection, conversationId);
                store.log(connection, new LogEntry(0, conversationId, now(), LogEntry.Kind.RELEASE,
                        HandOffState.Source.ADMIN, null, null, null, null, null));
                meters.released(conversation.get().channel(), HandOffState.Source.ADMIN.word());
            }
            return Optional.of(current);
        });
    }

    /**
     * Sends an agent's message to the conversation's customer on the conversation's own channel, through the
     * outbox: after every reply already written to them (delivery keeps each recipient's order), with retries like
     * any reply. In human mode it starts the idle time again.
     *
     * @param conversationId the conversation
     * @param answered       the customer's latest message, whose address the message goes to
     * @param text           the text
     * @return the logged message (its outbox row's {@code event_id} is {@link LogEntry#outboxEventId}), or empty if
     *         there is no such conversation or the message is not from it
     */
    public Optional<LogEntry> agentMessage(long conversationId, MessageReceived answered, String text) {
        return transactions.executeWrite(s -> {
            Connection connection = s.getConnection();
            Optional<Conversation> conversation = conversations.lock(connection, conversationId, true);
            if (conversation.isEmpty() || !conversation.get().channel().equals(answered.channel())
                    || !conversation.get().key().equals(answered.conversation())) {
                return Optional.empty();
            }
            Instant now = now();
            Optional<HandOffState> current = store.current(connection, conversationId);
            if (current.isPresent()) {
                store.touch(connection, current.get().touched(now));
            }
            LogEntry entry = new LogEntry(0, conversationId, now, LogEntry.Kind.MESSAGE, HandOffState.Source.ADMIN,
                    null, null, null, null, null);
            long id = store.log(connection, entry);
            LogEntry logged = new LogEntry(id, conversationId, now, entry.kind(), entry.by(), null, null, null, null,
                    null);
            // addressed as a reply to the customer's message is (ReplyAddressing): same channel, recipient, fields
            outbox.writeAndHandOff(s, List.of(new NewReply(logged.outboxEventId(), 0, answered.channel(),
                    answered.conversation(), answered.replyTo(), text, List.of(), conversationId)));
            return Optional.of(logged);
        });
    }

    /**
     * @param conversationId the conversation
     * @param limit          the most log lines
     * @return its hand-off now (read without a lock) and its log, oldest first
     */
    public View view(long conversationId, int limit) {
        return transactions.executeRead(s -> new View(HandOffStore.peek(s.getConnection(), conversationId).orElse(null),
                store.history(s.getConnection(), conversationId, limit)));
    }

    /** @return the time, as the tables keep it (microseconds), so an answer shows what a later read shows */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A conversation's mode as the admin API shows it.
     *
     * @param current its hand-off, or {@code null} in bot mode
     * @param log     what happened to its mode, oldest first
     */
    public record View(HandOffState current, List<LogEntry> log) {
    }
}
