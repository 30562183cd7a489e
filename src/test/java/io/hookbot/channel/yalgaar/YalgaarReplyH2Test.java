package io.hookbot.channel.yalgaar;

import io.hookbot.testing.Database;

/** {@link YalgaarReplyTests} on the embedded H2 database. */
class YalgaarReplyH2Test extends YalgaarReplyTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
