package io.hookbot.channel.smsgateway;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link SmsGatewayWebhookTests} on PostgreSQL. */
@RequiresPostgres
class SmsGatewayWebhookPostgresTest extends SmsGatewayWebhookTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
