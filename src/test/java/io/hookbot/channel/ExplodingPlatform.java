package io.hookbot.channel;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A platform with a bug: reading any call throws, with the payload in the exception's message, as a careless
 * parser would. Only in applications started with {@code test.exploding-platform=true}.
 */
@Singleton
@Requires(property = "test.exploding-platform", value = "true")
class ExplodingPlatform implements Platform {

    /** The platform id. */
    static final String ID = "exploding";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ChannelKeys settingKeys() {
        return ChannelKeys.NONE;
    }

    @Override
    public void validate(ChannelConfig channel) {
    }

    @Override
    public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) {
        throw new IllegalStateException("cannot read " + new String(request.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
