package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.bot.guard.Blocked;
import io.hookbot.metrics.RuleMeters;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * The running bot's observer: counts each rule that fired ({@code hookbot_rule_firings_total{bot,rule}}) and each
 * that a guardrail blocked ({@code hookbot_guard_blocks_total{bot,guard}}), and wants no other verdict, so the
 * {@link Evaluator} walks only the word index's candidates as it does with no observer.
 */
@Singleton
public final class CountingObserver implements RuleObserver {

    private final RuleMeters meters;

    public CountingObserver(RuleMeters meters) {
        this.meters = meters;
    }

    @Override
    public void blocked(BotDefinition bot, Rule rule, Blocked blocked) {
        meters.blocked(bot.name(), blocked.guardrail().written());
    }

    @Override
    public void fired(BotDefinition bot, Rule rule, Map<String, String> captures, List<Action> actions) {
        meters.fired(bot.name(), rule.name());
    }
}
