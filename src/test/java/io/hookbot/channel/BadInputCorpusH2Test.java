package io.hookbot.channel;

import io.hookbot.testing.Database;

/** {@link BadInputCorpusTests} on the embedded H2 database. */
class BadInputCorpusH2Test extends BadInputCorpusTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
