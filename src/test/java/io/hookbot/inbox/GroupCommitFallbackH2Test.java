package io.hookbot.inbox;

import io.hookbot.testing.Database;

/** {@link GroupCommitFallbackTests} on the embedded H2, acknowledged from the journal. */
class GroupCommitFallbackH2Test extends GroupCommitFallbackTests {
    @Override
    Database database() {
        return Database.h2();
    }

    @Override
    boolean journaled() {
        return true;
    }
}
