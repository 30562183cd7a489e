package io.hookbot;

import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every {@code hookbot.*} key of the configuration is a setting: a misspelled one stops the startup with the one it
 * most likely means, a removed one with what became of it; a plugin's own settings and a channel's are checked
 * elsewhere, not here.
 */
class KnownSettingsTest {

    @Test
    void aMisspelledSettingStopsTheStartupWithADidYouMean() {
        TestApp app = TestApp.on(Database.h2()).with("hookbot.inbox.max-bach", 10);
        try {
            String messages = messages(assertThrows(Throwable.class, app::start));
            assertTrue(messages.contains("hookbot.inbox.max-bach is not a setting (did you mean "
                    + "hookbot.inbox.max-batch?)"), messages);
        } finally {
            app.close();
        }
    }

    @Test
    void theRemovedPluginIsolationStopsTheStartupSayingWhatPluginsDoNow() {
        TestApp app = TestApp.on(Database.h2()).with("hookbot.plugins.isolation", "thread");
        try {
            String messages = messages(assertThrows(Throwable.class, app::start));
            assertTrue(messages.contains("hookbot.plugins.isolation was removed: every plugin runs on the turn's "
                    + "thread under a watchdog, and one that overruns its budget runs on plugin threads from then on"),
                    messages);
            assertFalse(messages.contains("is not a setting"), messages);
        } finally {
            app.close();
        }
    }

    @Test
    void anOnOffSettingThatIsNeitherTrueNorFalseStopsTheStartupInsteadOfReadingAsOff() {
        TestApp app = TestApp.on(Database.h2()).with("hookbot.webhooks.fast-path", "maybe")
                .with("hookbot.inbox.journal", "yes please");
        try {
            String messages = messages(assertThrows(Throwable.class, app::start));
            assertTrue(messages.contains("hookbot.webhooks.fast-path must be true or false, not 'maybe'"), messages);
            assertTrue(messages.contains("hookbot.inbox.journal must be true or false, not 'yes please'"), messages);
        } finally {
            app.close();
        }
    }

    @Test
    void aPluginsOwnSettingsAndEverySettingOfTheRecordsAreAccepted() {
        TestApp app = TestApp.on(Database.h2())
                .with("hookbot.plugins.faq.fallback", "Sorry!")
                .with("hookbot.plugins.timeout", "3s")
                .with("hookbot.dispatcher.conversationsPerTransaction", 8)
                .with("hookbot.webhooks.fast-path", "FALSE");
        try {
            app.start();
        } finally {
            app.close();
        }
        assertTrue(KnownSettings.names().contains("hookbot.delivery.max-backoff"));
        assertTrue(KnownSettings.names().contains("hookbot.bots-dir"));
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
