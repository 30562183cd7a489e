package io.hookbot.channel.vcaas;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link VcaasWebhookTests} on PostgreSQL. */
@RequiresPostgres
class VcaasWebhookPostgresTest extends VcaasWebhookTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
