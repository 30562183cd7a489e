/**
 * The bot: turns one event plus its conversation into actions. {@link io.hookbot.bot.TurnProcessor} hands the turn
 * to the rules' one evaluation loop ({@link io.hookbot.bot.rules.Evaluator}) with the running bot's guardrails and
 * plugins; it does no I/O but the guardrails' counters, which join the caller's transaction; the dispatcher commits
 * what it returns. A schedule firing is such an event too. Depends on {@code api}, {@code conversation},
 * {@code bot.rules}, {@code bot.guard} and {@code bot.plugins}; none of them depends on it.
 */
package io.hookbot.bot;
