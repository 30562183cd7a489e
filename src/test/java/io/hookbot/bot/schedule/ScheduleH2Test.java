package io.hookbot.bot.schedule;

import io.hookbot.testing.Database;

/** {@link ScheduleTests} on H2. */
class ScheduleH2Test extends ScheduleTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
