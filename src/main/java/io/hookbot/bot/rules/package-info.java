/**
 * Rule files: the YAML language of a bot ({@code bots/*.yml}, documented in {@code docs/rules.md}), its parser and
 * validation ({@link io.hookbot.bot.rules.RuleFileParser}), triggers, conditions, templates, the word index that
 * keeps matching fast at 10,000 rules, and {@link io.hookbot.bot.rules.RuleBook}, which holds the bots in force
 * and reloads them when the folder changes, {@link io.hookbot.bot.rules.Precedence}, which of them answer an event by
 * their priority, and the models of guardrails (read here into
 * {@code bot.guard}'s types) and schedules ({@link io.hookbot.bot.rules.Schedule}). The
 * {@link io.hookbot.bot.rules.Evaluator} is the one loop that walks a turn's rules (the running bot's, a schedule
 * firing's, and the {@link io.hookbot.bot.rules.RuleExplainer}'s behind {@code try} and {@code replay}) and tells a
 * {@link io.hookbot.bot.rules.RuleObserver} each rule's verdict (the running bot's is
 * {@link io.hookbot.bot.rules.CountingObserver}, which counts firings and blocks). Presence and first-message
 * conditions ask the turn's {@link io.hookbot.bot.rules.TurnLookups}, supplied by whoever runs the turn, so matching
 * does no I/O of its own. Depends on {@code api}, {@code bot.guard}, {@code channel} (the configured
 * channels, and the platforms: the ids a {@code platform:} condition may name and whether a {@code reply} can answer
 * their messages, {@link io.hookbot.channel.Platforms}) its own {@code bot.rules.yaml} tree, {@code config} (settings, the bots folder,
 * did-you-mean spelling), {@code metrics} (the firings and blocks counted) and {@code worker} (the supervised reload
 * loop).
 */
package io.hookbot.bot.rules;
