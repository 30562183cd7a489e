package io.hookbot.bot;

import io.hookbot.api.Action;
import io.hookbot.api.ClearState;
import io.hookbot.api.SetState;
import io.hookbot.bot.guard.TurnGuards;
import io.hookbot.bot.plugins.PluginDispatch;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.PluginHandoff;
import io.hookbot.bot.rules.Precedence;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleSet;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers one turn: the bots that serve the event's channel evaluate their rules in order of priority (handing the
 * turn to plugins where a rule says so) until one answers, after which only bots of its own priority still do
 * ({@link Precedence}), and the state actions are applied to the conversation's state. Its only I/O is the guardrails'
 * counters, which join the caller's transaction (the turn's); presence and first-message conditions read through
 * the turn's {@link io.hookbot.bot.rules.TurnLookups}, which the caller supplies on that transaction; plugins run
 * under a time budget.
 */
@Singleton
public class TurnProcessor {

    private final RuleBook rules;
    private final PluginDispatch plugins;
    private final TurnGuards guards;

    public TurnProcessor(RuleBook rules, PluginDispatch plugins, TurnGuards guards) {
        this.rules = rules;
        this.plugins = plugins;
        this.guards = guards;
    }

    /**
     * @param turn the turn
     * @return the actions and the new conversation state
     */
    public TurnResult process(Turn turn) {
        List<Action> actions = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        Map<String, String> state = new HashMap<>(turn.conversation().state());
        // one rule set for the whole turn, even if a reload swaps in another meanwhile
        RuleSet ruleSet = rules.current();
        String platform = rules.platformOf(turn.event().channel());
        PluginHandoff handoff = plugins.forTurn(turn.eventId(), turn.event(), turn.now());
        Precedence precedence = new Precedence();
        // highest priority first: a bot that answers keeps the bots of lower priority from answering too
        for (BotDefinition bot : ruleSet.bots()) {
            if (bot.serves(turn.event().channel()) && precedence.admits(bot)) {
                precedence.after(bot, bot.answer(turn.event(), platform, turn.now(), state, actions, matched, handoff,
                        guards, turn.lookups()));
            }
        }
        return new TurnResult(actions, state, matched);
    }

    /**
     * Applies a state action to a state map; other actions leave it alone.
     *
     * @param action the action
     * @param state  the state to change
     */
    public static void apply(Action action, Map<String, String> state) {
        if (action instanceof SetState set) {
            state.put(set.key(), set.value());
        } else if (action instanceof ClearState clear) {
            state.remove(clear.key());
        }
    }
}
