package io.hookbot.admin;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link AdminApiTests} on PostgreSQL. */
@RequiresPostgres
class AdminApiPostgresTest extends AdminApiTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
