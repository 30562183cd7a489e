/**
 * Where webhooks come in and replies go out: channel configuration, the {@link io.hookbot.channel.Platform} and
 * {@link io.hookbot.channel.Sender} contracts every platform folder implements, and the webhook endpoint.
 * Each sub-package is one platform; nothing outside a platform's folder knows its formats.
 */
package io.hookbot.channel;
