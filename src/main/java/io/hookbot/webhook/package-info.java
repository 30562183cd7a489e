/**
 * The webhook endpoint, {@code POST /webhooks/{channel}}: where the two halves meet. A call is taken off the Netty
 * pipeline by {@link io.hookbot.webhook.WebhookFastPath} (the usual way: no router, filters or reactive plumbing) or
 * by the {@link io.hookbot.webhook.WebhookController} route (the calls the fast path leaves alone, or all with
 * {@code hookbot.webhooks.fast-path: false}); {@link io.hookbot.webhook.WebhookReception} finds the channel, lets its
 * platform check and read the call ({@code channel}), hands the events to the inbox ({@code inbox}) and answers the
 * way the platform expects once they are stored. It lives apart from both so that neither depends on the other:
 * platforms know nothing of storage, the inbox nothing of HTTP. Depends on {@code channel}, {@code inbox}, {@code inbox.journal} (a call the store refused),
 * {@code metrics} (each call counted by its answer) and {@code worker} (for {@link io.hookbot.worker.SafeErrors}).
 */
package io.hookbot.webhook;
