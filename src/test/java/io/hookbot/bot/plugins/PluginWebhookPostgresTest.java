package io.hookbot.bot.plugins;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link PluginWebhookTest} on PostgreSQL: presence read in the turn's transaction, a held turn rolled back. */
@RequiresPostgres
class PluginWebhookPostgresTest extends PluginWebhookTest {
    @Override
    Database database() {
        return Database.postgres();
    }
}
