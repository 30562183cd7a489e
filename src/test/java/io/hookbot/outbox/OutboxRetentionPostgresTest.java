package io.hookbot.outbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link OutboxRetentionTests} on PostgreSQL. */
@RequiresPostgres
class OutboxRetentionPostgresTest extends OutboxRetentionTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
