package io.hookbot.channel.yalgaar;

import io.hookbot.channel.OutboundMessage;
import io.hookbot.channel.SendResult;
import io.hookbot.channel.Sender;
import org.eclipse.paho.client.mqttv3.MqttException;

import java.nio.charset.StandardCharsets;

/**
 * Publishes a reply to the Yalgaar channel it answers ({@code replyTo.channel}) on the channel's MQTT connection:
 * the topic from {@code send.topic}, the reply's text as the UTF-8 payload (Yalgaar messages are strings), with
 * the URLs of any attachments on lines of their own. QoS 1: sent once the broker's PUBACK is in.
 *
 * <p>MQTT 3.1.1 has no idempotency key; a reply whose PUBACK was lost is published again.
 */
final class YalgaarSender implements Sender {

    private final YalgaarSendSettings settings;
    private final MqttPublisher publisher;

    YalgaarSender(YalgaarSendSettings settings, MqttPublisher publisher) {
        this.settings = settings;
        this.publisher = publisher;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        String topic;
        try {
            topic = settings.topicFor(message.replyTo().get("channel"));
        } catch (IllegalArgumentException e) {
            return new SendResult.Failed(0, e.getMessage());
        }
        try {
            publisher.publish(topic, message.textWithAttachmentLinks().getBytes(StandardCharsets.UTF_8));
            return new SendResult.Sent(null);
        } catch (MqttException e) {
            return MqttResults.of(e, settings.brokerUrl());
        }
    }
}
