package io.hookbot.worker;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link SupervisedWorkersTests} on PostgreSQL, webhooks acknowledged after the commit. */
@RequiresPostgres
class SupervisedWorkersPostgresTest extends SupervisedWorkersTests {
    @Override
    Database database() {
        return Database.postgres();
    }

    @Override
    boolean journaled() {
        return false;
    }
}
