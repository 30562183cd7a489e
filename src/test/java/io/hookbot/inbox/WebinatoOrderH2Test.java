package io.hookbot.inbox;

import io.hookbot.testing.Database;

/** {@link WebinatoOrderTests} on the embedded H2 database. */
class WebinatoOrderH2Test extends WebinatoOrderTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
