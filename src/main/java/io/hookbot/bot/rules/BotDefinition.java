package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.DeviceEvent;
import io.hookbot.api.Event;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PresenceChanged;
import io.hookbot.bot.Turn;
import io.hookbot.bot.TurnProcessor;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bot read from one rule file: the channels it serves and its rules in priority order. The first rule that
 * fires ends the turn for this bot, unless it says {@code continue: true}.
 *
 * @param name     the bot's name
 * @param file     the file it came from
 * @param channels the channels it serves; empty means all
 * @param rules    its rules, highest priority first
 */
public record BotDefinition(String name, Path file, Set<String> channels, List<Rule> rules) {

    /**
     * @param channel a channel name
     * @return whether this bot answers events of that channel
     */
    public boolean serves(String channel) {
        return channels.isEmpty() || channels.contains(channel);
    }

    /** @return how many rules the bot has */
    public int ruleCount() {
        return rules.size();
    }

    /**
     * Runs the rules against a turn.
     *
     * @param turn    the turn
     * @param state   the conversation state, updated as state actions fire
     * @param actions where the actions go
     * @param matched where the names of the rules that fired go
     */
    public void answer(Turn turn, Map<String, String> state, List<Action> actions, List<String> matched) {
        Rule.Trigger trigger = triggerOf(turn.event());
        String folded = turn.event() instanceof MessageReceived m ? Normalizer.fold(m.text()) : "";
        for (Rule rule : rules) {
            if (rule.trigger() != trigger) {
                continue;
            }
            Map<String, String> captures = new HashMap<>();
            if (!rule.condition().test(turn, folded, captures)) {
                continue;
            }
            matched.add(name + "/" + rule.name());
            TemplateValues values = new TemplateValues(turn, captures, state);
            for (RuleAction ruleAction : rule.actions()) {
                Action action = ruleAction.toAction(values);
                TurnProcessor.apply(action, state);
                actions.add(action);
            }
            if (!rule.continueAfter()) {
                return;
            }
        }
    }

    private static Rule.Trigger triggerOf(Event event) {
        if (event instanceof MessageReceived) {
            return Rule.Trigger.MESSAGE;
        }
        if (event instanceof PresenceChanged) {
            return Rule.Trigger.PRESENCE;
        }
        if (event instanceof MeetingEvent) {
            return Rule.Trigger.MEETING;
        }
        if (event instanceof DeviceEvent) {
            return Rule.Trigger.DEVICE;
        }
        throw new IllegalArgumentException("unknown event " + event);
    }
}
