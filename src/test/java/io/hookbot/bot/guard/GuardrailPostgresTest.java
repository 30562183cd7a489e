package io.hookbot.bot.guard;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link GuardrailTests} on PostgreSQL, where concurrent cooldown claims wait on each other's row. */
@RequiresPostgres
class GuardrailPostgresTest extends GuardrailTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
