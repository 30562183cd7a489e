package io.hookbot.api;

import java.time.Instant;

/**
 * A schedule rule ({@code on: schedule}) came due: the clock's event, stored in the inbox and turned like any other.
 * It belongs to the channel {@link #CHANNEL}, which no configured channel can be named (the name is not a URL
 * segment a platform would call), and to the conversation {@code <bot>/<rule>}, so the firings of one rule are
 * turned one at a time, in order. Only the rule it names answers it; a plugin that rule hands it to is called with
 * {@link BotPlugin#onSchedule(PluginTurn)}, and {@link PluginTurn#event()} is {@code null}.
 *
 * @param bot      the bot
 * @param rule     the schedule rule
 * @param schedule the rule's schedule, as written ({@code every 1h}, a cron expression)
 * @param due      the slot's due time
 * @param firedAt  when it fired: the time of its turn, also when the turn is taken later
 */
public record ScheduleFired(String bot, String rule, String schedule, Instant due, Instant firedAt) implements Event {

    /** The channel of every schedule firing, in the inbox, the guardrails' counters and the admin API. */
    public static final String CHANNEL = "~schedule";

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** @return {@code <bot>/<rule>} */
    @Override
    public String conversation() {
        return bot + "/" + rule;
    }

    /** @return when it fired */
    @Override
    public Instant timestamp() {
        return firedAt;
    }
}
