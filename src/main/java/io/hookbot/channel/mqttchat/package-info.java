/**
 * The MQTT chat platform ({@code mqtt-chat}): its presence and message callbacks. It has no public send API;
 * replies will go through the generic HTTP sender. Only this folder knows MQTT chat's formats.
 */
package io.hookbot.channel.mqttchat;
