package io.hookbot.channel.webinato;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link WebinatoWebhookTests} on PostgreSQL. */
@RequiresPostgres
class WebinatoWebhookPostgresTest extends WebinatoWebhookTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
