package io.hookbot.inbox;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link ConversationOrderTests} on PostgreSQL. */
@RequiresPostgres
class ConversationOrderPostgresTest extends ConversationOrderTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
