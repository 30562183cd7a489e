package io.hookbot.inbox;

import io.hookbot.testing.Database;

/** {@link WebinatoOrderPropertyTests} on the embedded H2 database. */
class WebinatoOrderPropertyH2Test extends WebinatoOrderPropertyTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
