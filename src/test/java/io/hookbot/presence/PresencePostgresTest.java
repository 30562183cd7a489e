package io.hookbot.presence;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link PresenceTests} on PostgreSQL. */
@RequiresPostgres
class PresencePostgresTest extends PresenceTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
