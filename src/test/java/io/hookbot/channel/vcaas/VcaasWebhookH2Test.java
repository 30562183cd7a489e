package io.hookbot.channel.vcaas;

import io.hookbot.testing.Database;

/** {@link VcaasWebhookTests} on the embedded H2 database. */
class VcaasWebhookH2Test extends VcaasWebhookTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
