package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.Reply;
import io.hookbot.api.ScheduleFired;
import io.hookbot.api.Send;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.bot.guard.FiredRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one loop that walks a turn's rules, for the running bot, for schedule firings and for the explanations of
 * {@code try} and {@code replay}. The bots that serve the event's channel are asked in order of priority
 * ({@link Precedence}); within a bot the rules are tried in order, the first that fires ends the bot's turn unless it
 * says {@code continue: true}, and a rule that fired asks the guardrails before its actions run. A rule that a
 * guardrail blocks does nothing and counts as having answered, so a cooldown or quiet hours never let a fallback rule
 * answer in its place. State actions apply as they fire, so later templates and rules see them. Each rule's verdict
 * goes to the evaluation's {@link RuleObserver}.
 *
 * <p>A {@link ScheduleFired} event is answered by the one schedule rule it names, with {@code bot} and {@code now}
 * as the only template values and an empty state that the firing does not keep.
 */
public final class Evaluator {

    private final Evaluation in;
    private final RuleObserver observer;
    private final Map<String, String> state;
    private final List<Action> actions = new ArrayList<>();
    private final List<String> matched = new ArrayList<>();

    private Evaluator(Evaluation in, Map<String, String> state) {
        this.in = in;
        this.observer = in.observer();
        this.state = state;
    }

    /**
     * @param rules      the rule set, held for the whole turn
     * @param evaluation the turn
     * @return what the bots did
     */
    public static Outcome evaluate(RuleSet rules, Evaluation evaluation) {
        if (evaluation.event() instanceof ScheduleFired firing) {
            return scheduled(rules.bots(), firing, evaluation);
        }
        Evaluator run = new Evaluator(evaluation, new HashMap<>(evaluation.state()));
        Precedence precedence = new Precedence();
        boolean answered = false;
        for (BotDefinition bot : rules.bots()) {
            String notTried = !bot.serves(evaluation.event().channel()) ? "the bot serves only " + bot.channels()
                    : !precedence.admits(bot) ? precedence.reason() : null;
            if (notTried != null) {
                if (run.observer.everyRule()) {
                    bot.rules().forEach(rule -> run.observer.notTried(bot, rule, notTried));
                }
                continue;
            }
            boolean answeredHere = run.bot(bot);
            precedence.after(bot, answeredHere);
            answered |= answeredHere;
        }
        return run.outcome(answered);
    }

    /**
     * One bot alone, whatever channels it serves.
     *
     * @param bot        the bot
     * @param evaluation the turn
     * @return what the bot did
     */
    static Outcome evaluate(BotDefinition bot, Evaluation evaluation) {
        if (evaluation.event() instanceof ScheduleFired firing) {
            return scheduled(List.of(bot), firing, evaluation);
        }
        Evaluator run = new Evaluator(evaluation, new HashMap<>(evaluation.state()));
        return run.outcome(run.bot(bot));
    }

    private static Outcome scheduled(List<BotDefinition> bots, ScheduleFired firing, Evaluation evaluation) {
        // the firing's state actions change a scratch state, not the one the outcome keeps
        Evaluator run = new Evaluator(evaluation, new HashMap<>());
        for (BotDefinition bot : bots) {
            if (!bot.name().equals(firing.bot())) {
                continue;
            }
            for (Rule rule : bot.rules()) {
                if (rule.schedule() != null && rule.name().equals(firing.rule())) {
                    TurnFacts facts = TurnFacts.of(null, null, Map.of(), evaluation.now());
                    run.fire(bot, rule, new FiredRule(bot.name(), rule.name(), rule.guardrails(), null,
                            evaluation.now(), rule.sends()), facts, new HashMap<>());
                    return new Outcome(run.actions, evaluation.state(), run.matched, true);
                }
            }
        }
        // the rules were reloaded without it between the firing and its turn
        return new Outcome(List.of(), evaluation.state(), List.of(), false);
    }

    /** @return whether the bot answered */
    private boolean bot(BotDefinition bot) {
        Event event = in.event();
        TurnFacts facts = TurnFacts.of(event, in.platform(), state, in.now(), in.lookups());
        List<Rule> rules = bot.rules();
        boolean every = observer.everyRule();
        String answeredBy = null;
        for (int position : every ? IntStream.range(0, rules.size()).toArray() : bot.candidates(facts)) {
            Rule rule = rules.get(position);
            if (answeredBy != null) {
                observer.notTried(bot, rule, answeredBy);
                continue;
            }
            if (rule.schedule() != null) {
                observer.failed(bot, rule, () -> "fires on its schedule (" + rule.schedule() + "), not on events");
                continue;
            }
            if (!rule.trigger().matches(event)) {
                observer.failed(bot, rule, () -> "answers " + rule.trigger() + " events, not "
                        + Trigger.Family.of(event).name().toLowerCase() + "." + Trigger.typeOf(event));
                continue;
            }
            Map<String, String> captures = new HashMap<>();
            if (!rule.condition().test(facts, captures)) {
                observer.failed(bot, rule, () -> whyNot(rule.condition(), facts));
                continue;
            }
            fire(bot, rule, new FiredRule(bot.name(), rule.name(), rule.guardrails(), event, in.now(), rule.sends()),
                    facts, captures);
            if (!rule.continueAfter()) {
                if (!every) {
                    return true;
                }
                answeredBy = "rule '" + rule.name() + "' answered first";
            }
        }
        return answeredBy != null;
    }

    private void fire(BotDefinition bot, Rule rule, FiredRule firing, TurnFacts facts, Map<String, String> captures) {
        Optional<Blocked> blocked = in.gate().check(firing);
        if (blocked.isPresent()) {
            matched.add(firing.name() + " (blocked by " + blocked.get().guardrail().written() + ")");
            observer.blocked(bot, rule, blocked.get());
            return;
        }
        matched.add(firing.name());
        int before = actions.size();
        bot.fire(rule, facts, captures, state, actions, in.plugins());
        List<Action> own = List.copyOf(actions.subList(before, actions.size()));
        in.gate().fired(firing, messages(own));
        observer.fired(bot, rule, captures, own);
    }

    private Outcome outcome(boolean answered) {
        return new Outcome(actions, state, matched, answered);
    }

    private static int messages(List<Action> actions) {
        return (int) actions.stream().filter(a -> a instanceof Reply || a instanceof Send).count();
    }

    /** The failing part of a condition that failed, in words. */
    static String whyNot(Condition condition, TurnFacts facts) {
        if (condition instanceof Condition.All all) {
            for (Condition part : all.all()) {
                if (!part.test(facts, new HashMap<>())) {
                    return whyNot(part, facts);
                }
            }
        }
        if (condition instanceof Condition.Any any) {
            return any.any().stream().map(part -> whyNot(part, facts))
                    .collect(Collectors.joining("; ", "none of these held: ", ""));
        }
        if (condition instanceof Condition.Not not) {
            return "wants the opposite of: " + not.not().describe();
        }
        return "wants " + condition.describe();
    }
}
