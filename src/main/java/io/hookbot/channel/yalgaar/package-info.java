/**
 * The Yalgaar real-time messaging platform ({@code yalgaar}): its Presence and Message webhooks, which merge many
 * events into one call. Replies (an MQTT publish to the channel) come later. Only this folder knows Yalgaar's format.
 */
package io.hookbot.channel.yalgaar;
