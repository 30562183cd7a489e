package io.hookbot.testing;

import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.Platform;
import io.hookbot.channel.http.HttpSender;
import io.hookbot.channel.mqttchat.MqttChatPlatform;
import io.hookbot.channel.smsgateway.SmsGatewayPlatform;
import io.hookbot.channel.vcaas.VcaasPlatform;
import io.hookbot.channel.webinato.WebinatoPlatform;
import io.hookbot.channel.yalgaar.YalgaarPlatform;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The test builder spells each key as its platform declares it ({@link Platform#settingKeys()}, with the keys every
 * channel has), so that a test written with it configures what it means to.
 */
class TestChannelTest {

    /** The keys {@code io.hookbot.channel.ChannelRegistry} gives every channel besides its platform's. */
    private static final ChannelKeys ANY_CHANNEL = ChannelKeys.of("platform", "self", "send.rate", "send.concurrency")
            .plus(HttpSender.SETTING_KEYS);

    @Test
    void eachMethodSetsAKeyOfItsPlatforms() {
        TestChannel sms = withAnyChannelKeys(TestChannel.smsGateway("sms-main").secret("s").sendUrl("http://sms.test")
                .sendApiKey("k").sendDevice("d").sendSim(2).sendWhatsappAccount("+1").sendReplyFrom("channel")
                .sendReferenceField("ref").sendTimeout("5s"));
        TestChannel yalgaar = withAnyChannelKeys(TestChannel.yalgaar("yal").clientKey("ck")
                .sendBrokerUrl("tcp://broker.test:1883").sendTopic("t/{channel}").sendClientId("c")
                .sendUsername("u").sendPassword("p").sendTimeout("2s"));
        Map<TestChannel, Platform> channels = new LinkedHashMap<>();
        channels.put(sms, new SmsGatewayPlatform(null));
        channels.put(yalgaar, new YalgaarPlatform(null));
        channels.put(withAnyChannelKeys(TestChannel.webinato("room").token("t")), new WebinatoPlatform());
        channels.put(withAnyChannelKeys(TestChannel.mqttChat("chat").token("t")), new MqttChatPlatform());
        channels.put(withAnyChannelKeys(TestChannel.vcaas("classes").token("t")), new VcaasPlatform());

        channels.forEach((channel, platform) -> {
            String prefix = "hookbot.channels." + channel.name() + ".";
            assertEquals(platform.id(), channel.properties().get(prefix + "platform"));
            ChannelKeys known = platform.settingKeys().plus(ANY_CHANNEL);
            channel.properties().keySet().forEach(property -> {
                assertTrue(property.startsWith(prefix), property);
                String key = property.substring(prefix.length());
                assertTrue(known.knows(key) || known.group(key).isPresent(),
                        key + " is not a setting of " + platform.id());
            });
        });
        assertEquals("2", sms.properties().get("hookbot.channels.sms-main.send.sim"));
    }

    @Test
    void anAppReadsItsChannelsWhenItStartsAndHandsThemBackByName() {
        TestChannel sms = TestChannel.smsGateway("sms-main").secret("s");
        TestApp app = TestApp.on(Database.h2()).with(sms, TestChannel.webinato("room").token("t"));
        try {
            assertSame(sms, app.channel("sms-main"));
            assertThrows(IllegalArgumentException.class, () -> app.channel("sms-mian"));
            assertThrows(IllegalArgumentException.class, () -> app.with(TestChannel.smsGateway("sms-main")));
        } finally {
            app.close();
        }
    }

    @Test
    void aKeyIsRelativeToTheChannel() {
        for (String key : List.of("", "hookbot.channels.sms-main.secret")) {
            assertThrows(IllegalArgumentException.class, () -> TestChannel.smsGateway("sms-main").set(key, "s"));
        }
        assertThrows(IllegalArgumentException.class, () -> TestChannel.smsGateway("sms.main"));
    }

    private static TestChannel withAnyChannelKeys(TestChannel channel) {
        return channel.self("bot").sendRate(5).sendConcurrency(2).sendHttpUrl("http://chat.test/send")
                .sendHttpBody("{}").sendHttpHeader("X-Api-Key", "k");
    }
}
