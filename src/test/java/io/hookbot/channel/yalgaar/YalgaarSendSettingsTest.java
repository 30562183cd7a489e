package io.hookbot.channel.yalgaar;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelConfigException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Yalgaar sender's settings: defaults, the topic pattern, and a clear startup error for each wrong setting. */
class YalgaarSendSettingsTest {

    static ChannelConfig channel(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        settings.put("client-key", "ck-1");
        settings.put("send.broker-url", "tcp://127.0.0.1:1883");
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return new ChannelConfig("lobby", "yalgaar", settings);
    }

    static String error(ChannelConfig channel) {
        return assertThrows(ChannelConfigException.class, () -> YalgaarSendSettings.of(channel)).getMessage();
    }

    @Test
    void defaultsPublishToClientKeySlashChannelWithTheWebhooksClientKey() {
        YalgaarSendSettings settings = YalgaarSendSettings.of(channel());

        assertEquals("ck-1/support-lobby", settings.topicFor("support-lobby"));
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertNull(settings.username());
        assertTrue(settings.clientId().startsWith("hookbot-lobby-"), settings.clientId());
        assertNotEquals(settings.clientId(), YalgaarSendSettings.of(channel()).clientId(),
                "each process its own client id, so two instances do not throw each other off the broker");
    }

    @Test
    void theTopicPatternAndClientKeyCanBeSetPerChannel() {
        YalgaarSendSettings settings = YalgaarSendSettings.of(channel("send.client-key", "ck-send",
                "send.topic", "apps/{clientKey}/rooms/{channel}/in", "send.client-id", "bot-1",
                "send.username", "u", "send.password", "s3cret-pw", "send.timeout", "3s"));

        assertEquals("apps/ck-send/rooms/a/b/in", settings.topicFor("a/b"));
        assertEquals("bot-1", settings.clientId());
        assertEquals(Duration.ofSeconds(3), settings.timeout());
        assertFalse(settings.toString().contains("s3cret-pw"), "the password stays out of logs: " + settings);
    }

    @Test
    void aChannelNameThatIsEmptyOrHoldsAWildcardCannotBeATopic() {
        YalgaarSendSettings settings = YalgaarSendSettings.of(channel());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.topicFor("news/#")).getMessage()
                .contains("wildcard"));
        assertThrows(IllegalArgumentException.class, () -> settings.topicFor("a+b"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> settings.topicFor(null)).getMessage()
                .contains("replyTo.channel"));
        assertThrows(IllegalArgumentException.class, () -> settings.topicFor(""));
    }

    @Test
    void eachWrongSettingStopsTheStartupNamingIt() {
        assertTrue(error(channel("send.broker-url", "http://broker:1883")).startsWith(
                "hookbot.channels.lobby.send.broker-url must be an MQTT broker URL"));
        assertTrue(error(channel("send.broker-url", "tcp://")).contains("send.broker-url"));
        assertTrue(error(channel("send.topic", "replies")).contains("send.topic must contain {channel}"));
        assertTrue(error(channel("send.topic", "{clientKey}/{room}")).contains("unknown placeholder '{room}'"));
        assertTrue(error(channel("send.topic", "+/{channel}")).contains("wildcards"));
        assertTrue(error(channel("send.password", "p")).contains("send.password is set without send.username"));
        assertTrue(error(channel("send.timeout", "soon")).contains("send.timeout"));
        assertTrue(error(channel("send.timeout", "0s")).contains("send.timeout must be longer than zero"));
        Map<String, String> noKey = Map.of("send.broker-url", "tcp://127.0.0.1:1883");
        assertTrue(error(new ChannelConfig("lobby", "yalgaar", noKey)).contains("send.client-key is required"));
    }

    @Test
    void theTlsAndWebSocketSchemesAreAccepted() {
        for (String url : new String[] {"ssl://mqtt.example.com:8883", "ws://h:80/mqtt", "wss://h/mqtt", "tcp://h"}) {
            assertEquals(url, YalgaarSendSettings.of(channel("send.broker-url", url)).brokerUrl());
        }
    }
}
