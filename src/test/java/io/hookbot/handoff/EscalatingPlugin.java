package io.hookbot.handoff;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.HandOff;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A plugin that hands a complaint off to the agents' phone, as a bean; on only where a test asks for it. */
@Singleton
@Requires(property = "test.escalating-plugin", value = "true")
public class EscalatingPlugin implements BotPlugin {

    /** How often it was called, by any test's app. */
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public String id() {
        return "escalator";
    }

    @Override
    public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
        CALLS.incrementAndGet();
        if (!message.text().contains("complaint")) {
            return List.of(Reply.text("plugin: " + message.text()));
        }
        return List.of(Reply.text("Passing you to a person"),
                new HandOff("agents", HandOffTests.AGENT, Duration.ofHours(1), "complaint"));
    }
}
