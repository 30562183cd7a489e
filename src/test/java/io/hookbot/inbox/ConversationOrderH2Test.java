package io.hookbot.inbox;

import io.hookbot.testing.Database;

/** {@link ConversationOrderTests} on the embedded H2 database. */
class ConversationOrderH2Test extends ConversationOrderTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
