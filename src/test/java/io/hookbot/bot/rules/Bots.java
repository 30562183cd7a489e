package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.User;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test helpers: a bot from YAML text, events to feed it, and what it answered. */
final class Bots {

    static final Instant NOON_UTC_MONDAY = Instant.parse("2024-05-06T12:00:00Z");

    private Bots() {
    }

    static BotDefinition parse(String yaml) {
        return new RuleFileParser(Set.of("sms-main", "room-42", "wa-sales")).parse("bot.yml", yaml);
    }

    static MessageReceived message(String text) {
        return message("sms-main", User.of("+15550001"), text, MessageKind.TEXT);
    }

    static MessageReceived message(String channel, User sender, String text, MessageKind kind) {
        return new MessageReceived(channel, "conv-1", sender, text, kind, List.of(), "ext-1", NOON_UTC_MONDAY, null, Map.of());
    }

    /** What a bot does with one event: its actions, the rules that fired, and the state after. */
    record Outcome(List<Action> actions, List<String> matched, Map<String, String> state) {

        List<String> replies() {
            return actions.stream().filter(a -> a instanceof Reply).map(a -> ((Reply) a).text()).toList();
        }

        String reply() {
            List<String> replies = replies();
            return replies.isEmpty() ? null : replies.get(replies.size() - 1);
        }

        List<Send> sends() {
            return actions.stream().filter(a -> a instanceof Send).map(a -> (Send) a).toList();
        }

        /** @return the text of the last send, or {@code null} */
        String sent() {
            List<Send> sends = sends();
            return sends.isEmpty() ? null : sends.get(sends.size() - 1).text();
        }
    }

    static Outcome run(BotDefinition bot, Event event) {
        return run(bot, event, "sms-gateway", Map.of(), NOON_UTC_MONDAY);
    }

    static Outcome run(BotDefinition bot, Event event, String platform, Map<String, String> state, Instant now) {
        return run(bot, event, platform, state, now, TurnLookups.NONE);
    }

    static Outcome run(BotDefinition bot, Event event, String platform, Map<String, String> state, Instant now,
                       TurnLookups lookups) {
        io.hookbot.bot.rules.Outcome outcome = bot.answer(Evaluation.of(event, platform, now, state).with(lookups));
        return new Outcome(outcome.actions(), outcome.matched(), outcome.state());
    }

    static String reply(String yaml, String text) {
        return run(parse(yaml), message(text)).reply();
    }
}
