package io.hookbot.testing;

import io.hookbot.channel.mqttchat.MqttChatPlatform;
import io.hookbot.channel.smsgateway.SmsGatewayPlatform;
import io.hookbot.channel.vcaas.VcaasPlatform;
import io.hookbot.channel.webinato.WebinatoPlatform;
import io.hookbot.channel.yalgaar.YalgaarPlatform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One channel's settings for a test, spelled as methods instead of {@code hookbot.channels.<name>.<key>} strings:
 *
 * <pre>{@code
 * TestApp.on(Database.h2())
 *         .with(TestChannel.smsGateway("sms-main").secret("demo-secret").sendUrl(gateway.url()).sendApiKey("key"),
 *               TestChannel.webinato("room-42").token("demo-token"))
 *         .start();
 * }</pre>
 *
 * <p>A factory per platform of the application ({@link #smsGateway}, {@link #webinato}, {@link #mqttChat},
 * {@link #yalgaar}, {@link #vcaas}) sets {@code platform} to that platform's own {@code ID}; {@link #of} takes
 * any other platform id, such as a platform that lives only in the tests. The methods are the settings the tests
 * use, each named after its key ({@code send.api-key} is {@link #sendApiKey}) and saying which platforms have it;
 * {@link #set} gives any other key, relative to the channel. The builder does not check that a key belongs to
 * the channel's platform: the application does that when it starts, as it does for a user's configuration.
 *
 * <p>{@link TestApp#with(TestChannel...)} gives the channels to an app, which reads their settings when it starts;
 * {@link TestApp#channel(String)} hands a channel back to change it before a (re)start. Outside a
 * {@link TestApp}, {@link #properties()} is the settings as configuration properties.
 *
 * <p>Tests whose point is a key's spelling (an unknown or misspelt key, the text of an error message that names
 * it, an environment variable such as {@code HOOKBOT_CHANNELS_SMS_MAIN_SECRET}) keep writing the key out.
 */
public final class TestChannel {

    private static final String PREFIX = "hookbot.channels.";

    private final String name;
    private final Map<String, Object> settings = new LinkedHashMap<>();

    private TestChannel(String name, String platform) {
        if (name == null || name.isBlank() || name.contains(".")) {
            throw new IllegalArgumentException("a channel name, not '" + name + "'");
        }
        this.name = name;
        settings.put("platform", Objects.requireNonNull(platform, "platform"));
    }

    /**
     * @param name the channel's name
     * @return a channel of the SMS gateway ({@link SmsGatewayPlatform#ID}); it needs a {@link #secret}
     */
    public static TestChannel smsGateway(String name) {
        return new TestChannel(name, SmsGatewayPlatform.ID);
    }

    /**
     * @param name the channel's name
     * @return a Webinato channel ({@link WebinatoPlatform#ID}); it needs a {@link #token}
     */
    public static TestChannel webinato(String name) {
        return new TestChannel(name, WebinatoPlatform.ID);
    }

    /**
     * @param name the channel's name
     * @return an MQTT chat channel ({@link MqttChatPlatform#ID}); it needs a {@link #token}
     */
    public static TestChannel mqttChat(String name) {
        return new TestChannel(name, MqttChatPlatform.ID);
    }

    /**
     * @param name the channel's name
     * @return a Yalgaar channel ({@link YalgaarPlatform#ID}); it needs a {@link #clientKey}
     */
    public static TestChannel yalgaar(String name) {
        return new TestChannel(name, YalgaarPlatform.ID);
    }

    /**
     * @param name the channel's name
     * @return a VCaaS channel ({@link VcaasPlatform#ID}); it needs a {@link #token}
     */
    public static TestChannel vcaas(String name) {
        return new TestChannel(name, VcaasPlatform.ID);
    }

    /**
     * @param name     the channel's name
     * @param platform a platform id, from that platform's constant where it has one
     * @return a channel of that platform: one with no factory here (a platform of the tests' own), or one read
     *         from a file
     */
    public static TestChannel of(String name, String platform) {
        return new TestChannel(name, platform);
    }

    /** @return the channel's name, as in {@code /webhooks/<name>} */
    public String name() {
        return name;
    }

    /**
     * Any setting, for the keys that have no method here.
     *
     * @param key   a key relative to the channel, such as {@code send.device}
     * @param value its value
     * @return this
     */
    public TestChannel set(String key, Object value) {
        if (key == null || key.isBlank() || key.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a key relative to the channel, such as send.url, not '" + key + "'");
        }
        settings.put(key, Objects.requireNonNull(value, key));
        return this;
    }

    /**
     * @param secret {@code secret}: what the platform signs its calls with (sms-gateway; Echo Chat)
     * @return this
     */
    public TestChannel secret(String secret) {
        return set("secret", secret);
    }

    /**
     * @param token {@code token}: what the webhook URL must carry as {@code ?token=} (webinato, mqtt-chat, vcaas)
     * @return this
     */
    public TestChannel token(String token) {
        return set("token", token);
    }

    /**
     * @param clientKey {@code client-key}: the project's client key its calls must carry (yalgaar)
     * @return this
     */
    public TestChannel clientKey(String clientKey) {
        return set("client-key", clientKey);
    }

    /**
     * @param self {@code self}: the bot's own id on the channel, whose messages are not answered (any platform)
     * @return this
     */
    public TestChannel self(String self) {
        return set("self", self);
    }

    /**
     * @param perSecond {@code send.rate}: at most this many sends a second (any platform)
     * @return this
     */
    public TestChannel sendRate(Number perSecond) {
        return set("send.rate", perSecond);
    }

    /**
     * @param sends {@code send.concurrency}: at most this many sends at once (any platform)
     * @return this
     */
    public TestChannel sendConcurrency(int sends) {
        return set("send.concurrency", sends);
    }

    /**
     * @param url {@code send.url}: the send API's base URL (sms-gateway; Echo Chat)
     * @return this
     */
    public TestChannel sendUrl(String url) {
        return set("send.url", url);
    }

    /**
     * @param apiKey {@code send.api-key}: the send API's key (sms-gateway)
     * @return this
     */
    public TestChannel sendApiKey(String apiKey) {
        return set("send.api-key", apiKey);
    }

    /**
     * @param device {@code send.device}: the device an SMS leaves from (sms-gateway)
     * @return this
     */
    public TestChannel sendDevice(String device) {
        return set("send.device", device);
    }

    /**
     * @param slot {@code send.sim}: the device's SIM slot an SMS leaves from (sms-gateway)
     * @return this
     */
    public TestChannel sendSim(int slot) {
        return set("send.sim", Integer.toString(slot));
    }

    /**
     * @param account {@code send.whatsapp-account}: the WhatsApp account a WhatsApp message leaves from (sms-gateway)
     * @return this
     */
    public TestChannel sendWhatsappAccount(String account) {
        return set("send.whatsapp-account", account);
    }

    /**
     * @param from {@code send.reply-from}: {@code message} (the line the message came in on) or {@code channel}
     *             (always the channel's device, SIM and account) (sms-gateway)
     * @return this
     */
    public TestChannel sendReplyFrom(String from) {
        return set("send.reply-from", from);
    }

    /**
     * @param field {@code send.reference-field}: the response field that is the sent message's reference
     *              (sms-gateway)
     * @return this
     */
    public TestChannel sendReferenceField(String field) {
        return set("send.reference-field", field);
    }

    /**
     * @param timeout {@code send.timeout}, as configured: {@code 5s} (sms-gateway, yalgaar)
     * @return this
     */
    public TestChannel sendTimeout(String timeout) {
        return set("send.timeout", timeout);
    }

    /**
     * @param brokerUrl {@code send.broker-url}: the MQTT broker replies are published to (yalgaar)
     * @return this
     */
    public TestChannel sendBrokerUrl(String brokerUrl) {
        return set("send.broker-url", brokerUrl);
    }

    /**
     * @param topic {@code send.topic}: the topic a reply is published on, with its placeholders (yalgaar)
     * @return this
     */
    public TestChannel sendTopic(String topic) {
        return set("send.topic", topic);
    }

    /**
     * @param clientId {@code send.client-id}: the MQTT client id hookbot connects with (yalgaar)
     * @return this
     */
    public TestChannel sendClientId(String clientId) {
        return set("send.client-id", clientId);
    }

    /**
     * @param username {@code send.username}: the MQTT user hookbot connects as (yalgaar)
     * @return this
     */
    public TestChannel sendUsername(String username) {
        return set("send.username", username);
    }

    /**
     * @param password {@code send.password}: that user's password (yalgaar)
     * @return this
     */
    public TestChannel sendPassword(String password) {
        return set("send.password", password);
    }

    /**
     * @param url {@code send.http.url}: where the generic HTTP sender sends replies, with its placeholders (any
     *            platform)
     * @return this
     */
    public TestChannel sendHttpUrl(String url) {
        return set("send.http.url", url);
    }

    /**
     * @param body {@code send.http.body}: the generic HTTP sender's body template (any platform)
     * @return this
     */
    public TestChannel sendHttpBody(String body) {
        return set("send.http.body", body);
    }

    /**
     * @param header a header's name
     * @param value  {@code send.http.headers.<header>}: its value on each of the generic HTTP sender's requests
     *               (any platform)
     * @return this
     */
    public TestChannel sendHttpHeader(String header, String value) {
        return set("send.http.headers." + header, value);
    }

    /** @return the settings as configuration properties, {@code hookbot.channels.<name>.<key>} to value, in order */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        settings.forEach((key, value) -> properties.put(PREFIX + name + "." + key, value));
        return Collections.unmodifiableMap(properties);
    }

    @Override
    public String toString() {
        return "TestChannel" + properties();
    }
}
