/**
 * The generic HTTP sender: for platforms without a fixed send API (MQTT chat's server side, a user's own service),
 * a channel of any platform describes the call in {@code send.http.*} settings as templates over the reply.
 * Depends on {@code channel} and {@code api} only.
 */
package io.hookbot.channel.http;
