/**
 * The MQTT chat platform ({@code mqtt-chat}): its presence and message callbacks. It has no public send API;
 * replies go through the generic HTTP sender ({@code send.http.*}). Only this folder knows MQTT chat's formats.
 * Depends on {@code api} and {@code channel} only.
 */
package io.hookbot.channel.mqttchat;
