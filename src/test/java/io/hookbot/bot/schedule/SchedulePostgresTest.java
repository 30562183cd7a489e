package io.hookbot.bot.schedule;

import io.hookbot.testing.Database;
import io.hookbot.testing.RequiresPostgres;

/** {@link ScheduleTests} on PostgreSQL, where two instances really contend for the slot's row lock. */
@RequiresPostgres
class SchedulePostgresTest extends ScheduleTests {
    @Override
    Database database() {
        return Database.postgres();
    }
}
