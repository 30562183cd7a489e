package io.hookbot.admin;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link AccessTests} on PostgreSQL. */
@RequiresPostgres
class AccessPostgresTest extends AccessTests {
    @Override
    Database database() {
        return Database.postgres();
    }

    @Override
    String productName() {
        return "PostgreSQL";
    }
}
