package io.hookbot.presence;

import io.hookbot.testing.Database;

/** {@link PresenceTests} on the embedded H2 database. */
class PresenceH2Test extends PresenceTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
