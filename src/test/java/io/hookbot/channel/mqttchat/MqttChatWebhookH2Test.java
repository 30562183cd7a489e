package io.hookbot.channel.mqttchat;

import io.hookbot.testing.Database;

/** {@link MqttChatWebhookTests} on the embedded H2 database. */
class MqttChatWebhookH2Test extends MqttChatWebhookTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
