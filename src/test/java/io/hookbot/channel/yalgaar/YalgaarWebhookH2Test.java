package io.hookbot.channel.yalgaar;

import io.hookbot.testing.Database;

/** {@link YalgaarWebhookTests} on the embedded H2 database. */
class YalgaarWebhookH2Test extends YalgaarWebhookTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
