/**
 * The Yalgaar real-time messaging platform ({@code yalgaar}): its Presence and Message webhooks, which merge many
 * events into one call, and replies published over MQTT to the channel being answered (one connection per hookbot
 * channel, Eclipse Paho). Only this folder knows Yalgaar's format.
 * Depends on {@code api}, {@code channel} and {@code worker} (the supervised connection keeper).
 */
package io.hookbot.channel.yalgaar;
