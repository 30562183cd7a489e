package io.hookbot.channel;

/**
 * The check for platforms that sign nothing and send no secret (Webinato, MQTT chat, VCaaS): the webhook URL the
 * platform is given carries the channel's {@code token} setting as {@code ?token=…}, compared in constant time.
 */
public final class UrlToken {

    private UrlToken() {
    }

    /**
     * @param channel  the channel the call was addressed to; its {@code token} setting is required
     * @param request  the call
     * @param platform the platform's name as users know it ({@code Webinato}), for the message
     * @throws WebhookRejection a 401 saying whether the token is missing or wrong, and which URL to give the
     *                          platform; platforms that must not answer 401 turn it into another status
     */
    public static void verify(ChannelConfig channel, WebhookRequest request, String platform) throws WebhookRejection {
        String token = request.query().get("token");
        if (!Secrets.matches(channel.require("token"), token)) {
            throw WebhookRejection.unauthorized(token == null
                    ? "the token is missing: " + platform + " must call /webhooks/" + channel.name() + "?token=…"
                    : "the token in the URL does not match this channel's");
        }
    }
}
