package io.hookbot.channel.smsgateway;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.channel.ChannelKeys;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.HttpClients;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.PayloadDecoder;
import io.hookbot.channel.Platform;
import io.hookbot.channel.Sender;
import io.hookbot.channel.WebhookRejection;
import io.hookbot.channel.WebhookMediaType;
import io.hookbot.channel.WebhookRequest;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sms-gateway} platform.
 *
 * <p>Settings of a channel: {@code secret} (the webhook secret, required); to reply, {@code send.url} (the
 * gateway's base URL) and {@code send.api-key}, with {@code send.device} and {@code send.sim} for SMS when the
 * message does not name them, {@code send.whatsapp-account} for WhatsApp likewise, {@code send.reply-from}
 * ({@code message}, the default, or {@code channel}: see {@link OutgoingPhoneLine}) and {@code send.timeout}
 * (default 10s). Without {@code send.url} replies go to the dry-run log sender.
 *
 * <p>The gateway acknowledges nothing and never retries, so the answer's body is informational.
 */
@Singleton
public class SmsGatewayPlatform implements Platform {

    /** A credential that no recording carries, for one without any: read then refuses it as unauthenticated. */
    private static final String NOT_RECORDED = "replay";

    /** The platform id. */
    public static final String ID = "sms-gateway";

    private final SmsGatewayParser parser = new SmsGatewayParser();
    private final HttpClients clients;

    public SmsGatewayPlatform(HttpClients clients) {
        this.clients = clients;
    }

    @Override
    public String id() {
        return ID;
    }

    /** The gateway posts forms; JSON of the same shape is accepted too (some deployments relay it as JSON). */
    @Override
    public List<String> mediaTypes() {
        return List.of(WebhookMediaType.FORM, WebhookMediaType.JSON);
    }

    /** The webhook's secret and the send API's settings ({@link SmsGatewaySender}, {@link OutgoingPhoneLine}). */
    private static final ChannelKeys SETTING_KEYS = ChannelKeys.of("secret", "send.url", "send.api-key",
            "send.device", "send.sim", "send.whatsapp-account", "send.reply-from", "send.timeout",
            "send.reference-field");

    @Override
    public ChannelKeys settingKeys() {
        return SETTING_KEYS;
    }

    @Override
    public void validate(ChannelConfig channel) {
        channel.require("secret");
        channel.setting("send.url").ifPresent(url -> {
            if (!HttpClients.isHttpUrl(url)) {
                throw new ChannelConfigException("hookbot.channels." + channel.name()
                        + ".send.url must be an http(s) URL, not '" + url + "'");
            }
            channel.require("send.api-key");
            channel.duration("send.timeout", Duration.ofSeconds(10));
        });
        OutgoingPhoneLine.of(channel);
        channel.setting("send.sim").ifPresent(sim -> {
            if (!sim.matches("\\d+")) {
                throw new ChannelConfigException("hookbot.channels." + channel.name() + ".send.sim must be a SIM slot number");
            }
        });
    }

    @Override
    public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        return parser.parse(channel, request);
    }

    /** A recorded call carries its secret in its body ({@code secret}), the one its channel's must match. */
    @Override
    public Map<String, String> sampleSettings(WebhookRequest recorded) {
        try {
            String carried = PayloadDecoder.decode(recorded).path("secret").asText("");
            return Map.of("secret", carried.isBlank() ? NOT_RECORDED : carried);
        } catch (WebhookRejection malformed) {
            // read refuses the malformed body itself, naming what is wrong with it
            return Map.of("secret", NOT_RECORDED);
        }
    }

    @Override
    public Optional<Sender> sender(ChannelConfig channel) {
        return channel.setting("send.url").map(url -> new SmsGatewaySender(channel,
                clients.client(url, channel.duration("send.timeout", Duration.ofSeconds(10)))));
    }

    /**
     * A recipient is a phone number; {@code whatsapp:+63…} sends it on WhatsApp. Device, SIM and account come from
     * the channel's {@code send.*} settings, since there is no incoming message to answer from.
     */
    @Override
    public Map<String, String> address(ChannelConfig channel, String to) {
        String prefix = "whatsapp:";
        if (to.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return Map.of("medium", "whatsapp", "phone", to.substring(prefix.length()).trim());
        }
        return Map.of("medium", "sms", "phone", to.trim());
    }

    /** SMS and WhatsApp: carriers and the law (CTIA, TCPA) expect STOP to be honoured. */
    @Override
    public boolean optOutByDefault() {
        return true;
    }

    /**
     * A phone number for SMS, {@code whatsapp:<phone>} for WhatsApp: what a send to that person names
     * ({@link #address}), whichever device, SIM or account the message came in on.
     */
    @Override
    public String optOutAddress(Map<String, String> replyTo, String recipient) {
        String phone = replyTo.get("phone");
        if (phone == null || phone.isBlank()) {
            return recipient;
        }
        return "whatsapp".equals(replyTo.get("medium")) ? "whatsapp:" + phone.trim() : phone.trim();
    }
}
