package io.hookbot.admin;

import io.hookbot.testing.Database;

/** {@link AccessTests} on the embedded H2 database. */
class AccessH2Test extends AccessTests {
    @Override
    Database database() {
        return Database.h2();
    }

    @Override
    String productName() {
        return "H2";
    }
}
