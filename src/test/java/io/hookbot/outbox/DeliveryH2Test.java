package io.hookbot.outbox;

import io.hookbot.testing.Database;

/** {@link DeliveryTests} on the embedded H2 database. */
class DeliveryH2Test extends DeliveryTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
