/**
 * Scheduled rules ({@code on: schedule}): one slot row per rule with its next due time, kept in step with the rules
 * in force, and a poller that claims due slots with {@code FOR UPDATE SKIP LOCKED}, runs the rule, and writes the
 * firing's inbox row, its outbox rows and the slot's next due time in one transaction, so a slot fires once across
 * instances and restarts. Depends on {@code api}, {@code bot.rules} (the
 * rules and their {@link io.hookbot.bot.rules.Schedule}), {@code bot.guard}, {@code bot.plugins}, {@code inbox} and
 * {@code outbox}.
 */
package io.hookbot.bot.schedule;
