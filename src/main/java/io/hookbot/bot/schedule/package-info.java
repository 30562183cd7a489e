/**
 * Scheduled rules ({@code on: schedule}): one slot row per rule with its next due time, kept in step with the rules
 * in force, and a poller that claims due slots with {@code FOR UPDATE SKIP LOCKED} and, in one transaction, stores
 * each firing as a pending {@link io.hookbot.api.ScheduleFired} inbox event and moves the slot to its next due time,
 * so a slot fires once across instances and restarts. The firing is then turned by the dispatcher like any event,
 * through the same turn as a message's rules. Depends on {@code api}, {@code bot.rules} (the rules and their
 * {@link io.hookbot.bot.rules.Schedule}) {@code inbox} (the event's stored form, and the dispatcher's wake-up), {@code config} (its settings),
 * {@code metrics} (the firings counted) and {@code worker} (its supervised loop);
 * nothing depends on it but the application's start and shutdown.
 */
package io.hookbot.bot.schedule;
