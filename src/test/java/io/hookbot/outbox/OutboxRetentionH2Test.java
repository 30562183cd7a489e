package io.hookbot.outbox;

import io.hookbot.testing.Database;

/** {@link OutboxRetentionTests} on the embedded H2 database. */
class OutboxRetentionH2Test extends OutboxRetentionTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
