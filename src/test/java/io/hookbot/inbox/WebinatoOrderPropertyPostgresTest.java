package io.hookbot.inbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** {@link WebinatoOrderPropertyTests} on PostgreSQL. */
@AddLifecycleHook(RequiresPostgres.ForProperties.class)
class WebinatoOrderPropertyPostgresTest extends WebinatoOrderPropertyTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
