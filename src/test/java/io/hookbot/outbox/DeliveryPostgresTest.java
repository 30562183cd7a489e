package io.hookbot.outbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link DeliveryTests} on PostgreSQL. */
@RequiresPostgres
class DeliveryPostgresTest extends DeliveryTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
