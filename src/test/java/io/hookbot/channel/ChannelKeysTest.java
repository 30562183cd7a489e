package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ChannelKeys}: exact keys, groups, the closest known key; {@link EnvironmentVariableNames}. */
class ChannelKeysTest {

    private final ChannelKeys keys = ChannelKeys.of("secret", "send.url", "send.api-key")
            .withGroups("send.http.headers.");

    @Test
    void keysAndGroupsAreKnownAndAnythingElseIsNot() {
        assertTrue(keys.knows("send.url"));
        assertTrue(keys.knows("send.http.headers.X-Api-Key"));
        assertEquals(Optional.of("send.http.headers."), keys.group("send.http.headers.Authorization"));
        assertFalse(keys.knows("send.http.headers."), "a group needs a name after its prefix");
        assertFalse(keys.knows("sned.url"));
        assertFalse(keys.knows("send"));
    }

    @Test
    void aMisspelledKeyFindsTheOneItMeantAndAStrangerNone() {
        assertEquals(Optional.of("send.url"), keys.closest("sned.url"));
        assertEquals(Optional.of("send.api-key"), keys.closest("send.apikey"));
        assertEquals(Optional.of("secret"), keys.closest("secert"));
        assertEquals(Optional.of("send.http.headers"), keys.closest("send.http.header"));
        assertEquals(Optional.empty(), keys.closest("colour"));
        assertEquals(3, io.hookbot.config.Spelling.distance("kitten", "sitting"));
    }

    @Test
    void environmentVariablesGiveTheNamesBetweenAPrefixAndASuffix() {
        EnvironmentVariableNames names = new EnvironmentVariableNames(Map.of(
                "HOOKBOT_CHANNELS_SMS_MAIN_PLATFORM", "sms-gateway",
                "HOOKBOT_CHANNELS_ROOM42_PLATFORM", "webinato",
                "HOOKBOT_CHANNELS_SMS_MAIN_SECRET", "s",
                "HOOKBOT_CHANNELS_CHAT_SEND_HTTP_HEADERS_X_API_KEY", "k",
                "PATH", "/usr/bin"));
        assertEquals(Set.of("sms-main", "room42"), names.between("hookbot.channels.", ".platform"));
        assertEquals(Set.of("x-api-key"), names.between("hookbot.channels.chat.send.http.headers.", ""));
        assertEquals(Set.of(), names.between("hookbot.inbox.", ".platform"));
    }
}
