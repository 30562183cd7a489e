package io.hookbot.inbox;

import io.hookbot.testing.Database;

/** {@link InboxRetentionTests} on the embedded H2 database. */
class InboxRetentionH2Test extends InboxRetentionTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
