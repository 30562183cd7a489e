package io.hookbot.inbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link InboxRetentionTests} on PostgreSQL. */
@RequiresPostgres
class InboxRetentionPostgresTest extends InboxRetentionTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
