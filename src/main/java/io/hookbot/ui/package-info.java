/**
 * The dashboard at {@code /ui}: server-rendered HTML pages (Micronaut Views with Thymeleaf, templates under
 * {@code src/main/resources/views/ui/}) for people who would rather look than read JSON — the live overview, the
 * conversations as chat transcripts (with their human mode), the outbox's dead letters and retries, the channels
 * and their pauses, the opt-outs, who is online, and the bots with a box to try a message. Every page reads through
 * the services the admin API uses ({@code io.hookbot.admin}'s {@code ConversationList}, {@code ConversationTimeline},
 * {@code OutboxAdminService}, {@code ChannelAdminService}, {@code InboxAdminService}, {@code HandOffAdminService},
 * {@code OptOutAdminService}; the plugin API's {@code PresenceView}; the rules' {@code RuleBook} and
 * {@code RuleExplainer}), so there is no second query layer; the overview reads the meters' cached samples
 * ({@link io.hookbot.ui.Figures}), no table. The browser side is the templates, one stylesheet and a few lines of
 * plain JavaScript, all in the jar; nothing is fetched from elsewhere.
 *
 * <p>Access: a browser cannot send a bearer token, so the dashboard signs in with the admin token typed into its
 * form ({@code POST /ui/login}) and then holds a session ({@link io.hookbot.ui.DashboardSessions}): a random id in an
 * {@code HttpOnly}, {@code SameSite=Strict} cookie, kept in memory as its digest, ended by signing out, by its
 * lifetime ({@code hookbot.ui.session-lifetime}) and by a change of the admin token. {@code io.hookbot.admin.AccessFilter}
 * keeps deciding every call: only the sign-in page, the sign-in and the static files are open, every other
 * {@code /ui} path needs a live session (asked through {@code io.hookbot.admin.BrowserSessions}, which this
 * package implements), and a session opens nothing outside {@code /ui}, nor a bearer token a page. Every form that
 * changes something carries the session's CSRF token and is refused (403) without it; the sign-in form carries one
 * of its own (a cookie and a field that must agree). Every value from a platform or a user is escaped by the
 * templates, and a Content-Security-Policy runs no script but hookbot's own file.
 *
 * <p>Depends on {@code admin} (its services, the tokens, the session contract), {@code api}, {@code bot.rules},
 * {@code channel}, {@code config}, {@code outbox} (the statuses a reply can be in) and {@code worker} (the
 * overview's sampling loop).
 */
package io.hookbot.ui;
