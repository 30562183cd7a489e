/**
 * The bot: turns one event plus its conversation into actions. {@link io.hookbot.bot.TurnProcessor} does no I/O but
 * the guardrails' counters, which join the caller's transaction; the dispatcher commits what it returns. Depends on
 * {@code api}, {@code conversation} and its sub-packages.
 */
package io.hookbot.bot;
