package io.hookbot.bot.guard;

import io.hookbot.api.Event;
import io.hookbot.api.User;

import java.time.Instant;

/**
 * A rule whose trigger and conditions held, about to run its actions.
 *
 * @param bot        the bot's name
 * @param rule       the rule's name
 * @param guardrails the guardrails in force for the rule
 * @param event      the event, or {@code null} when a schedule fired the rule
 * @param now        the time of the turn
 * @param sends      whether the rule can send a message (any action but {@code set} and {@code clear}); only such
 *                   rules are held by quiet hours and the reply cap
 */
public record FiredRule(String bot, String rule, Guardrails guardrails, Event event, Instant now, boolean sends) {

    /** @return who the event is about: a message's sender, a presence's user, a meeting's actor; or {@code null} */
    public User person() {
        return event == null ? null : event.person();
    }

    /** @return {@code bot/rule} */
    public String name() {
        return bot + "/" + rule;
    }
}
