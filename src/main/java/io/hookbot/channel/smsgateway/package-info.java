/**
 * The SMS/WhatsApp gateway platform ({@code sms-gateway}): webhooks for received SMS, WhatsApp chats, USSD
 * responses and phone notifications, and replies through the gateway's send API. Only this folder knows the
 * gateway's formats.
 * Depends on {@code api} and {@code channel} only.
 */
package io.hookbot.channel.smsgateway;
