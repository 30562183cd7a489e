package io.hookbot.channel.yalgaar;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link YalgaarReplyTests} on PostgreSQL. */
@RequiresPostgres
class YalgaarReplyPostgresTest extends YalgaarReplyTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
