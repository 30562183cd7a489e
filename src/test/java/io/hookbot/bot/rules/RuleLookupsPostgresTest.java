package io.hookbot.bot.rules;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link RuleLookupsTests} on PostgreSQL. */
@RequiresPostgres
class RuleLookupsPostgresTest extends RuleLookupsTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
