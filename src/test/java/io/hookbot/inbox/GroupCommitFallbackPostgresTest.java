package io.hookbot.inbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link GroupCommitFallbackTests} on PostgreSQL, acknowledged after the commit. */
@RequiresPostgres
class GroupCommitFallbackPostgresTest extends GroupCommitFallbackTests {
    @Override
    Database database() {
        return Database.postgres();
    }

    @Override
    boolean journaled() {
        return false;
    }
}
