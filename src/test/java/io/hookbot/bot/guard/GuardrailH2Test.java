package io.hookbot.bot.guard;

import io.hookbot.testing.Database;

/** {@link GuardrailTests} on H2. */
class GuardrailH2Test extends GuardrailTests {
    @Override
    Database database() {
        return Database.h2();
    }
}
