package io.hookbot.channel.yalgaar;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link YalgaarWebhookTests} on PostgreSQL. */
@RequiresPostgres
class YalgaarWebhookPostgresTest extends YalgaarWebhookTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
