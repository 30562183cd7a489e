package io.hookbot.channel.mqttchat;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link MqttChatWebhookTests} on PostgreSQL. */
@RequiresPostgres
class MqttChatWebhookPostgresTest extends MqttChatWebhookTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
