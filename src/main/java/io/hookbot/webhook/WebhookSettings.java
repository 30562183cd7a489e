package io.hookbot.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code hookbot.webhooks.*} (defaults in {@code application.yml}; docs/configuration.md).
 *
 * @param fastPath whether webhooks are read and answered on the server's event loop ahead of Micronaut's router
 *                 ({@link WebhookFastPath}); off, every call takes the route, which answers the same, at a higher
 *                 cost per call. HTTP/1 only: with {@code micronaut.server.http-version: 2.0} calls take the route.
 */
@ConfigurationProperties("hookbot.webhooks")
public record WebhookSettings(boolean fastPath) {
}
