package io.hookbot.bot.rules;

import io.hookbot.testing.Database;

/** {@link RuleLookupsTests} on the embedded H2 database. */
class RuleLookupsH2Test extends RuleLookupsTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
