package io.hookbot.channel.webinato;

import io.hookbot.testing.Database;

/** {@link WebinatoWebhookTests} on the embedded H2 database. */
class WebinatoWebhookH2Test extends WebinatoWebhookTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
