/**
 * The Webinato room-chat platform ({@code webinato}): the RealTimeChat webhook that delivers a room's chat in
 * batches. Webinato has no send API, so this folder only reads. Only this folder knows Webinato's format.
 * Depends on {@code api} and {@code channel} only.
 */
package io.hookbot.channel.webinato;
