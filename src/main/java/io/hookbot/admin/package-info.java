/**
 * Who may call what, and the admin API. {@link io.hookbot.admin.AccessFilter} decides every call: webhooks and the
 * bare health status are open, the rest needs {@code hookbot.admin.token}, or {@code hookbot.api.token} for GET and
 * HEAD; the dashboard's pages under {@code /ui} need the cookie of a signed-in session instead (its sign-in page,
 * the sign-in and its static files are open), which the filter asks {@link io.hookbot.admin.BrowserSessions} about:
 * the dashboard ({@code io.hookbot.ui}) implements that contract, so this package never imports it. The admin API
 * under {@code /admin} (inbox backlog and failed events, outbox rows, retries, paused channels) is a thin controller
 * over services; a conversation's event replayed in a dry run uses the explainer of the command line
 * ({@link io.hookbot.admin.ConversationReplay}). Depends on {@code api}, {@code inbox} and
 * {@code inbox.journal} (the quarantine), {@code outbox}, {@code channel}, {@code config}, {@code db},
 * {@code bot.rules} (the rules in force and their explainer), {@code conversation} (its state, the senders seen),
 * {@code handoff} (human mode: hand-off, release, the agent's message), {@code bot.guard} (its durations),
 * {@code optout} (the opt-out registry, {@link io.hookbot.admin.OptOutAdminService}) and {@code search} (the text
 * search's word index).
 */
package io.hookbot.admin;
