package io.hookbot.admin;

import io.hookbot.api.Action;
import io.hookbot.api.Attachment;
import io.hookbot.api.ClearState;
import io.hookbot.api.HandOff;
import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceView;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleExplainer;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.conversation.Conversation;
import io.hookbot.conversation.ConversationStore;
import io.hookbot.conversation.KnownSenders;
import io.hookbot.inbox.EventCodec;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bot would do now with one stored event of a conversation: the event run through the rules in force today
 * ({@link RuleBook#current}), with the conversation's state as it is now, at the time of the call, by the explainer
 * the {@code try} and {@code replay} commands use ({@link RuleExplainer}): every rule's verdict and why, the rules
 * that would fire, the replies they would send and the state they would set. A dry run: it only reads (in a read-only
 * transaction); nothing is stored, sent or changed, no plugin is called (a plugin may act on its own: its answer is
 * not among the replies), and, as in {@code try}, the guardrails that count past firings (cooldowns, the reply cap)
 * are not applied, which the rule's reason says. Presence and whether the message was its sender's first are read
 * as its turn saw them.
 */
@Singleton
public class ConversationReplay {

    private final TransactionOperations<Connection> transactions;
    private final ConversationStore conversations;
    private final KnownSenders senders;
    private final PresenceView presence;
    private final RuleBook rules;
    private final Clock clock;

    public ConversationReplay(TransactionOperations<Connection> transactions, ConversationStore conversations,
                              KnownSenders senders, PresenceView presence, RuleBook rules) {
        this.transactions = transactions;
        this.conversations = conversations;
        this.senders = senders;
        this.presence = presence;
        this.rules = rules;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param conversationId the conversation
     * @param eventId        one of its stored events
     * @return what the rules would do with it now
     * @throws AdminException 404 if there is no such conversation, or no such event in it
     */
    public Map<String, Object> replay(long conversationId, long eventId) {
        return transactions.executeRead(s -> {
            Connection connection = s.getConnection();
            Conversation conversation = conversations.find(connection, conversationId)
                    .orElseThrow(() -> AdminException.notFound("there is no conversation " + conversationId));
            Event event = event(connection, conversation, eventId);
            boolean first = event instanceof MessageReceived message
                    && senders.isFirstMessage(connection, eventId, message);
            Instant now = clock.instant();
            List<RuleExplainer.Step> steps = RuleExplainer.explain(rules.current(), event,
                    rules.platformOf(event.channel()), now, Map.copyOf(conversation.state()),
                    TurnLookups.of(presence, first));
            return answer(conversation, eventId, event, now, first, steps);
        });
    }

    private static Event event(Connection connection, Conversation conversation, long eventId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT event_type, payload FROM inbox_event "
                + "WHERE id = ? AND channel = ? AND conversation_key = ?")) {
            select.setLong(1, eventId);
            select.setString(2, conversation.channel());
            select.setString(3, conversation.key());
            try (ResultSet row = select.executeQuery()) {
                // a batch marker is the inbox's record of a call's numbering, not an event: the timeline shows none
                if (!row.next() || EventCodec.BATCH_MARKER.equals(row.getString(1))) {
                    throw AdminException.notFound("there is no event " + eventId + " in conversation "
                            + conversation.id());
                }
                return EventCodec.decode(row.getString(2));
            }
        }
    }

    private static Map<String, Object> answer(Conversation conversation, long eventId, Event event, Instant now,
                                              boolean first, List<RuleExplainer.Step> steps) {
        Map<String, String> state = new TreeMap<>(conversation.state());
        Map<String, String> set = new TreeMap<>();
        List<String> cleared = new ArrayList<>();
        List<Map<String, Object>> fired = new ArrayList<>();
        List<Map<String, Object>> verdicts = new ArrayList<>();
        List<Map<String, Object>> replies = new ArrayList<>();
        for (RuleExplainer.Step step : steps) {
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("bot", step.bot());
            verdict.put("rule", step.rule());
            verdict.put("location", step.location());
            verdict.put("verdict", step.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            verdict.put("reason", step.reason());
            verdicts.add(verdict);
            if (step.verdict() != RuleExplainer.Verdict.FIRED) {
                continue;
            }
            List<Map<String, Object>> actions = new ArrayList<>();
            for (Action action : step.actions()) {
                actions.add(action(action, event));
                if (action instanceof Reply || action instanceof Send) {
                    replies.add(action(action, event));
                } else if (action instanceof SetState put) {
                    state.put(put.key(), put.value());
                    set.put(put.key(), put.value());
                    cleared.remove(put.key());
                } else if (action instanceof ClearState clear) {
                    state.remove(clear.key());
                    set.remove(clear.key());
                    if (!cleared.contains(clear.key())) {
                        cleared.add(clear.key());
                    }
                }
            }
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("bot", step.bot());
            rule.put("rule", step.rule());
            rule.put("location", step.location());
            rule.put("reason", step.reason());
            rule.put("actions", actions);
            fired.add(rule);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dryRun", true);
        out.put("conversation", conversation.id());
        out.put("event", eventId);
        out.put("channel", conversation.channel());
        out.put("at", now.toString());
        out.put("firstMessage", first);
        out.put("outcome", fired.isEmpty() ? "no rule would fire" : "would answer");
        out.put("fired", fired);
        out.put("replies", replies);
        out.put("stateBefore", new TreeMap<>(conversation.state()));
        out.put("stateSet", set);
        out.put("stateCleared", cleared);
        out.put("stateAfter", state);
        out.put("rules", verdicts);
        return out;
    }

    private static Map<String, Object> action(Action action, Event event) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (action instanceof Reply reply) {
            out.put("kind", "reply");
            out.put("channel", event.channel());
            out.put("to", event instanceof MessageReceived message && message.sender() != null
                    ? message.sender().id() : null);
            out.put("text", reply.text());
            out.put("attachments", urls(reply.attachments()));
            if (!(event instanceof MessageReceived)) {
                out.put("dropped", "the event is not a message, so a reply has nowhere to go (use send:)");
            }
        } else if (action instanceof Send send) {
            out.put("kind", "send");
            out.put("channel", send.channel());
            out.put("to", send.to());
            out.put("text", send.text());
            out.put("attachments", urls(send.attachments()));
        } else if (action instanceof SetState set) {
            out.put("kind", "set");
            out.put("key", set.key());
            out.put("value", set.value());
        } else if (action instanceof ClearState clear) {
            out.put("kind", "clear");
            out.put("key", clear.key());
        } else if (action instanceof HandOff handOff) {
            out.put("kind", "handoff");
            out.put("channel", handOff.channel());
            out.put("to", handOff.address());
            out.put("idleSeconds", handOff.idle().toSeconds());
            out.put("note", handOff.note());
        }
        return out;
    }

    private static List<String> urls(List<Attachment> attachments) {
        return attachments.stream().map(Attachment::url).toList();
    }
}
