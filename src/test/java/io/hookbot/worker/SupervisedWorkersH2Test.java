package io.hookbot.worker;

import io.hookbot.testing.Database;

/** {@link SupervisedWorkersTests} on the embedded H2, webhooks acknowledged from the inbox journal. */
class SupervisedWorkersH2Test extends SupervisedWorkersTests {
    @Override
    Database database() {
        return Database.h2();
    }

    @Override
    boolean journaled() {
        return true;
    }
}
