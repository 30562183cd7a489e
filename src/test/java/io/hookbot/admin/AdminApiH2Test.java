package io.hookbot.admin;

import io.hookbot.testing.Database;

/** {@link AdminApiTests} on the embedded H2 database. */
class AdminApiH2Test extends AdminApiTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
