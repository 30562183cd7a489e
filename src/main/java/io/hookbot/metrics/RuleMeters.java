package io.hookbot.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code hookbot_rule_firings_total{bot,rule}}, {@code hookbot_guard_blocks_total{bot,guard}} and
 * {@code hookbot_schedule_firings_total{bot}}. Bots and rules are named by the rule files, guards by
 * {@code bot.guard.Guardrail}'s five words: all bounded. Counted as the rules are evaluated (a rule firing) or the
 * firing is written (a schedule), so a turn or a firing whose transaction fails and is taken again counts again.
 */
@Singleton
public class RuleMeters {

    private final PerLabel<PerLabel<Counter>> fired;
    private final PerLabel<PerLabel<Counter>> blocked;
    private final PerLabel<Counter> schedules;

    public RuleMeters(MeterRegistry registry) {
        this.fired = new PerLabel<>(bot -> new PerLabel<>(rule -> Counter.builder("hookbot.rule.firings")
                .description("Rules that fired (their conditions held and no guardrail stopped them)")
                .tag("bot", bot).tag("rule", rule).register(registry)));
        this.blocked = new PerLabel<>(bot -> new PerLabel<>(guard -> Counter.builder("hookbot.guard.blocks")
                .description("Rules whose conditions held but a guardrail stopped")
                .tag("bot", bot).tag("guard", guard).register(registry)));
        this.schedules = new PerLabel<>(bot -> Counter.builder("hookbot.schedule.firings")
                .description("Schedule slots that came due and were written to the inbox")
                .tag("bot", bot).register(registry));
    }

    /**
     * @param bot  the bot
     * @param rule the rule that fired
     */
    public void fired(String bot, String rule) {
        fired.of(bot).of(rule).increment();
    }

    /**
     * @param bot   the bot
     * @param guard the guardrail that stopped one of its rules, as a rule file writes it ({@code cooldown}…)
     */
    public void blocked(String bot, String guard) {
        blocked.of(bot).of(guard).increment();
    }

    /** @param bot the bot whose schedule rule fired */
    public void scheduleFired(String bot) {
        schedules.of(bot).increment();
    }
}
