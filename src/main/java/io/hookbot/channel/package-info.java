/**
 * Where webhooks come in and replies go out: channel configuration (each platform declares its settings,
 * {@link io.hookbot.channel.ChannelKeys}; {@link io.hookbot.channel.ChannelRegistry} reads exactly those, from
 * files, system properties and environment variables alike), the {@link io.hookbot.channel.Platform} and
 * {@link io.hookbot.channel.Sender} contracts every platform folder implements, the webhook endpoint, and the checks
 * every field of a webhook passes before it is stored ({@link io.hookbot.channel.PayloadFields},
 * {@link io.hookbot.channel.StorableText}). Each sub-package is one platform; nothing outside a platform's folder
 * knows its formats. Depends on {@code api}, {@code inbox} (the endpoint stores into it), {@code config} and
 * {@code worker}.
 */
package io.hookbot.channel;
