package io.hookbot.channel;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;
import io.hookbot.testing.TestApp;

/** {@link BadInputCorpusTests} on PostgreSQL. */
@RequiresPostgres
class BadInputCorpusPostgresTest extends BadInputCorpusTests {
    @Override
    Database database() {
        return Database.postgres();
    }

    /**
     * The corpus checks what is refused and what is stored, not durability (the restart and kill tests do): its
     * sessions commit without waiting for the WAL to reach the disk, so that some 1,400 cases of a few commits each
     * do not queue behind the fsyncs of everything else on the machine.
     */
    @Override
    TestApp tuned(TestApp app, Database database) {
        String url = (String) database.properties().get("datasources.default.url");
        return app.with("datasources.default.url", url + "&options=-c%20synchronous_commit%3Doff");
    }
}
