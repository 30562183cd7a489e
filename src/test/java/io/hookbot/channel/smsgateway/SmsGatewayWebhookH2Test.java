package io.hookbot.channel.smsgateway;

import io.hookbot.testing.Database;

/** {@link SmsGatewayWebhookTests} on the embedded H2 database. */
class SmsGatewayWebhookH2Test extends SmsGatewayWebhookTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
