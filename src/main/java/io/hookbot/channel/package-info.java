/**
 * Where webhooks come in and replies go out: channel configuration (each platform declares its settings,
 * {@link io.hookbot.channel.ChannelKeys}; {@link io.hookbot.channel.ChannelRegistry} reads exactly those, from
 * files, system properties and environment variables alike), the {@link io.hookbot.channel.Platform} and
 * {@link io.hookbot.channel.Sender} contracts every platform folder implements, what a webhook carries
 * ({@link io.hookbot.channel.InboundEvent}: an event, or the {@link io.hookbot.channel.BatchMark batch marker} of a
 * platform that numbers its calls, which is not an event and which only the inbox's sequencer reads), the checks
 * every field of a webhook passes before it is stored ({@link io.hookbot.channel.PayloadFields},
 * {@link io.hookbot.channel.StorableText}), and the credential checks platforms share: a secret compared as it is
 * ({@link io.hookbot.channel.Secrets}), a URL token ({@link io.hookbot.channel.UrlTokenPlatform}), an HMAC signature
 * in a header ({@link io.hookbot.channel.HmacSignature}; the endpoint, in {@code webhook}, hands platforms every
 * header).
 *
 * <p>Each sub-package is one platform, and a platform is known by its folder alone: nothing outside it names the
 * platform or knows its formats. What the rest of hookbot needs to know of a platform is a method of
 * {@code Platform} (whether a reply can answer its messages, what a recorded call needs to be replayed, its sender),
 * and every list of platforms comes from one place, {@link io.hookbot.channel.Platforms}, made of the
 * {@code Platform} beans. The command line, which runs without the application, gets the same beans from a Micronaut
 * context of the same configuration that makes nothing eager and no event listener
 * ({@link io.hookbot.channel.Platforms#withoutApplication}); chosen over {@link java.util.ServiceLoader}, whose
 * service file would list the platforms outside their folders, and because the platforms are beans with
 * dependencies already (and {@code @Requires} may turn one on). The {@code http} sub-package is not a platform but
 * the generic HTTP sender any channel may use, a bean of {@link io.hookbot.channel.AnyChannelSender}
 * ({@link io.hookbot.channel.SenderRegistry} chooses it before the platform's own); like the platforms, it depends
 * on this package, never the other way.
 *
 * <p>Depends on {@code api} and {@code config}; nothing of storage (the endpoint that stores what
 * a platform reads is {@code webhook}).
 */
package io.hookbot.channel;
