package io.hookbot.channel;

import io.hookbot.testing.Database;
import io.hookbot.testing.TestApp;
import io.hookbot.testing.TestChannel;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A channel's settings are those its platform declares and those every channel has: a misspelled key stops the
 * startup naming it and the key it most likely means, as a rule file's mistake does; a correct one is read.
 */
class ChannelSettingsTest {

    @Test
    void aMisspelledChannelKeyStopsTheStartupWithADidYouMean() {
        TestApp app = TestApp.on(Database.h2())
                .with(TestChannel.smsGateway("sms-main").secret("s"))
                .with("hookbot.channels.sms-main.sned.url", "https://sms.example.com");
        try {
            String messages = messages(assertThrows(Throwable.class, app::start));
            assertTrue(messages.contains("hookbot.channels.sms-main.sned.url is not a setting of platform "
                    + "sms-gateway (did you mean send.url?)"), messages);
            assertTrue(messages.contains("send.api-key"), "the channel's settings are listed: " + messages);
        } finally {
            app.close();
        }
    }

    @Test
    void keysOfAnotherPlatformAreRefusedToo() {
        TestApp app = TestApp.on(Database.h2())
                .with(TestChannel.webinato("room").token("t"))
                .with("hookbot.channels.room.secret", "s");
        try {
            String messages = messages(assertThrows(Throwable.class, app::start));
            assertTrue(messages.contains("hookbot.channels.room.secret is not a setting of platform webinato"),
                    messages);
        } finally {
            app.close();
        }
    }

    @Test
    void theSettingsEveryChannelHasAndHeaderNamesAreAccepted() {
        TestApp app = TestApp.on(Database.h2())
                .with(TestChannel.mqttChat("chat").token("t").self("1").sendRate(5)
                        .sendHttpUrl("http://chat.example.com/send").sendHttpHeader("X-Api-Key", "k"));
        try {
            app.start();
            ChannelConfig chat = app.context().getBean(ChannelRegistry.class).find("chat").orElseThrow();
            assertTrue(chat.setting("send.http.headers.X-Api-Key").isPresent(), chat.settings().toString());
            assertTrue(chat.setting("self").isPresent());
        } finally {
            app.close();
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
