package io.hookbot.channel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platforms are the platform beans, found the same way with or without the application: what a platform says of
 * itself is what the lists built from them say.
 */
class PlatformsTest {

    @Test
    void withoutTheApplicationThePlatformsAreTheBeansTheConfigurationTurnsOn() {
        Platforms platforms = Platforms.withoutApplication(builder -> builder.banner(false)
                .deduceEnvironment(false));
        assertTrue(platforms.ids().containsAll(Set.of("sms-gateway", "webinato", "mqtt-chat", "yalgaar", "vcaas")),
                platforms.ids().toString());
        assertFalse(platforms.ids().contains("exploding"), "a bean its @Requires leaves out is no platform");
        assertEquals(List.copyOf(platforms.ids()), platforms.all().stream().map(Platform::id).toList(), "in id order");

        Platforms withExploding = Platforms.withoutApplication(builder -> builder.banner(false)
                .deduceEnvironment(false).properties(Map.of("test.exploding-platform", "true")));
        assertTrue(withExploding.ids().contains("exploding"), withExploding.ids().toString());
    }

    @Test
    void withoutTheApplicationNothingButWhatThePlatformsNeedIsMade() {
        // the channel registry would refuse this channel at once, and the database would need a data source
        Platforms platforms = Platforms.withoutApplication(builder -> builder.banner(false)
                .deduceEnvironment(false).properties(Map.of("hookbot.channels.x.platform", "no-such-platform")));
        assertTrue(platforms.find("sms-gateway").isPresent());
    }

    @Test
    void whatAPlatformSaysOfItselfIsWhatTheListSays() {
        Platforms platforms = Platforms.onClassPath();
        assertTrue(platforms.cannotReplyInConversation("webinato"));
        assertTrue(platforms.cannotReplyInConversation("vcaas"));
        assertFalse(platforms.cannotReplyInConversation("sms-gateway"));
        assertFalse(platforms.cannotReplyInConversation("no-such-platform"), "an unknown id is not refused here");
        assertTrue(platforms.find("no-such-platform").isEmpty());
        assertTrue(platforms.find(null).isEmpty());
    }

    @Test
    void twoPlatformsWithOneIdAreRefused() {
        Platform one = new Named("chat");
        Platform two = new Named("chat");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Platforms(List.of(one, two)));
        assertTrue(e.getMessage().startsWith("two platforms have the id 'chat': "), e.getMessage());
    }

    private record Named(String id) implements Platform {

        @Override
        public ChannelKeys settingKeys() {
            return ChannelKeys.NONE;
        }

        @Override
        public void validate(ChannelConfig channel) {
        }

        @Override
        public List<InboundEvent> read(ChannelConfig channel, WebhookRequest request) {
            return List.of();
        }
    }
}
