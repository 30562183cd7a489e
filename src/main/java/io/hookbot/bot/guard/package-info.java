/**
 * Guardrails: what keeps an auto-reply bot from answering itself or other bots, repeating itself within a cooldown,
 * flooding a conversation, or answering in quiet hours. Checked only for a rule that fired; the durable ones
 * (cooldowns, the reply cap) read and write their counters in the turn's transaction. Depends on {@code api} and
 * {@code channel} (for the ids a channel knows as its own);
 * the rules package builds {@link io.hookbot.bot.guard.Guardrails} from rule files and asks a
 * {@link io.hookbot.bot.guard.FiredRuleGate} before a rule's actions run.
 */
package io.hookbot.bot.guard;
