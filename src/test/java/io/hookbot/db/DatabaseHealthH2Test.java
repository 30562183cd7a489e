package io.hookbot.db;

import io.hookbot.testing.Database;

/** {@link DatabaseHealthTests} on the embedded H2 database, {@code ;USER=…;PASSWORD=…} in its URL. */
class DatabaseHealthH2Test extends DatabaseHealthTests {
    @Override
    Database database(String user, String password) {
        return Database.h2WithCredentialsInUrl(user, password);
    }

    @Override
    String productName() {
        return "H2";
    }
}
