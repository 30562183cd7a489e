/**
 * The bot: turns one event plus its conversation into actions. {@link io.hookbot.bot.TurnProcessor} is pure (no
 * I/O); the dispatcher commits what it returns. Depends on {@code api} and {@code conversation}.
 */
package io.hookbot.bot;
