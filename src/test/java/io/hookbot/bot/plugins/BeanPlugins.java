package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Plugins as Micronaut beans on the class path, switched on only by the tests that want them. */
final class BeanPlugins {

    /** Opened by the test at its end, so the hung plugin thread finishes. */
    static volatile CountDownLatch release = new CountDownLatch(1);

    private BeanPlugins() {
    }

    /** Answers with the sender and one of its settings. */
    @Singleton
    @Requires(property = "test.bean-plugins", value = "true")
    static class Greeter implements BotPlugin {
        @Override
        public String id() {
            return "greeter";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            return List.of(Reply.text(turn.setting("salutation", "Hello") + " " + turn.sender().id()));
        }
    }

    /** Says when hookbot last saw the sender, from the turn's presence view. */
    @Singleton
    @Requires(property = "test.bean-plugins", value = "true")
    static class LastSeen implements BotPlugin {
        @Override
        public String id() {
            return "last-seen";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            return List.of(Reply.text(turn.presence().lastSeen(turn.channel(), turn.sender().id())
                    .map(at -> "seen " + at).orElse("never seen") + " on " + Thread.currentThread().getName()));
        }
    }

    /** Always throws. */
    @Singleton
    @Requires(property = "test.bean-plugins", value = "true")
    static class Broken implements BotPlugin {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            throw new IllegalStateException("database of orders unreachable");
        }
    }

    /** Never answers until released, ignoring interrupts. */
    @Singleton
    @Requires(property = "test.bean-plugins", value = "true")
    static class Hung implements BotPlugin {
        @Override
        public String id() {
            return "hung";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // swallowed on purpose: the worst kind of plugin
                }
            }
            return List.of(Reply.text("too late"));
        }
    }

    /** Its constructor throws, as when a settings file is missing. */
    @Singleton
    @Requires(property = "test.bean-plugins", value = "true")
    static class FailsToStart implements BotPlugin {
        FailsToStart() {
            throw new IllegalStateException("cannot read faq.csv");
        }

        @Override
        public String id() {
            return "fails-to-start";
        }
    }
}
