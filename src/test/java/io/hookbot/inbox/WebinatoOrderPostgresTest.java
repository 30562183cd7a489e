package io.hookbot.inbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link WebinatoOrderTests} on PostgreSQL. */
@RequiresPostgres
class WebinatoOrderPostgresTest extends WebinatoOrderTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
