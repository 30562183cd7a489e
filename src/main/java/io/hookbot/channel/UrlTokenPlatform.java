package io.hookbot.channel;

import java.util.List;
import java.util.Map;

/**
 * The base of the platforms that sign nothing and send no secret (Webinato, MQTT chat, VCaaS): the webhook URL the
 * platform is given carries the channel's required {@code token} setting as {@code ?token=…}, compared in constant
 * time before the body is read. A platform supplies its id, the name users know it by, and its parser.
 */
public abstract class UrlTokenPlatform implements Platform {

    private final String id;
    private final String displayName;

    /**
     * @param id          the platform id used in {@code hookbot.channels.<name>.platform}
     * @param displayName the platform's name as users know it ({@code Webinato}), for messages
     */
    protected UrlTokenPlatform(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    @Override
    public String id() {
        return id;
    }

    /** @return {@code token}, the one setting these platforms have */
    @Override
    public ChannelKeys settingKeys() {
        return ChannelKeys.of("token");
    }

    @Override
    public void validate(ChannelConfig channel) {
        channel.require("token");
    }

    @Override
    public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        verify(channel, request);
        return parse(channel.name(), request);
    }

    /** A recorded body carries no token: the channel's is the one the replayed call carries in its URL. */
    @Override
    public Map<String, String> sampleSettings(WebhookRequest recorded) {
        String token = recorded.query().get("token");
        return token == null ? Map.of() : Map.of("token", token);
    }

    /**
     * Checks the URL's token.
     *
     * @param channel the channel the call was addressed to
     * @param request the call
     * @throws WebhookRejection a 401 saying whether the token is missing or wrong, and which URL to give the
     *                          platform; platforms that must not answer 401 override this to use another status
     */
    protected void verify(ChannelConfig channel, WebhookRequest request) throws WebhookRejection {
        String token = request.query().get("token");
        if (!Secrets.matches(channel.require("token"), token)) {
            throw WebhookRejection.unauthorized(token == null
                    ? "the token is missing: " + displayName + " must call /webhooks/" + channel.name() + "?token=…"
                    : "the token in the URL does not match this channel's");
        }
    }

    /**
     * Reads an authenticated call into events.
     *
     * @param channel the channel's name
     * @param request the call
     * @return the events it carries, possibly none
     * @throws WebhookRejection if the call is malformed
     */
    protected abstract List<InboundEvent> parse(String channel, WebhookRequest request) throws WebhookRejection;
}
