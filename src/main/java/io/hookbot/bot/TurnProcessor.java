package io.hookbot.bot;

import io.hookbot.api.ScheduleFired;
import io.hookbot.bot.guard.TurnGuards;
import io.hookbot.bot.plugins.PluginDispatch;
import io.hookbot.bot.rules.CountingObserver;
import io.hookbot.bot.rules.Evaluation;
import io.hookbot.bot.rules.Evaluator;
import io.hookbot.bot.rules.Outcome;
import io.hookbot.bot.rules.RuleBook;
import io.hookbot.bot.rules.RuleObserver;
import io.hookbot.bot.rules.RuleSet;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Answers one turn: the rules in force are evaluated against it ({@link Evaluator}: the bots that serve the event's
 * channel in order of priority, handing the turn to plugins where a rule says so; a schedule firing by the rule it
 * names), with the guardrails of the running bot. Its only I/O is the guardrails' counters, which join the caller's
 * transaction (the turn's); presence and first-message conditions read through the turn's
 * {@link io.hookbot.bot.rules.TurnLookups}, which the caller supplies on that transaction; plugins run under a time
 * budget and are given the same turn, first-message knowledge included.
 */
@Singleton
public class TurnProcessor {

    private final RuleBook rules;
    private final PluginDispatch plugins;
    private final TurnGuards guards;
    private final CountingObserver counting;

    public TurnProcessor(RuleBook rules, PluginDispatch plugins, TurnGuards guards, CountingObserver counting) {
        this.rules = rules;
        this.plugins = plugins;
        this.guards = guards;
        this.counting = counting;
    }

    /**
     * @param turn the turn
     * @return the actions and the new conversation state
     */
    public TurnResult process(Turn turn) {
        // one rule set for the whole turn, even if a reload swaps in another meanwhile
        RuleSet ruleSet = rules.current();
        // a firing is answered as of when it fired, also when its turn is taken later
        Instant now = turn.event() instanceof ScheduleFired firing ? firing.firedAt() : turn.now();
        TurnRecorder recorder = new TurnRecorder();
        Evaluation evaluation = Evaluation.of(turn.event(), rules.platformOf(turn.event().channel()), now,
                        turn.conversation().state())
                .with(turn.lookups())
                .with(plugins.forTurn(turn.eventId(), turn.event(), now, turn.lookups().firstMessage()))
                .with(guards)
                // the turn's record (the conversation timeline) and the firing counters (metrics)
                .with(RuleObserver.both(recorder, counting));
        Outcome outcome = Evaluator.evaluate(ruleSet, evaluation);
        return new TurnResult(outcome.actions(), outcome.state(), outcome.matched(), recorder.verdicts());
    }
}
