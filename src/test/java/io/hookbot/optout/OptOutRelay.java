package io.hookbot.optout;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Send;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A plugin for the opt-out tests (on with {@code test.opt-out-relay=true}): on a message or a schedule firing it
 * sends the rule's {@code text} to the rule's {@code to} on the rule's {@code channel}, as a user's plugin would,
 * knowing nothing of opt-outs.
 */
@Singleton
@Requires(property = "test.opt-out-relay", value = "true")
class OptOutRelay implements BotPlugin {

    @Override
    public String id() {
        return "relay";
    }

    @Override
    public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
        return send(turn);
    }

    @Override
    public List<Action> onSchedule(PluginTurn turn) {
        return send(turn);
    }

    private static List<Action> send(PluginTurn turn) {
        return List.of(Send.text(turn.parameter("channel"), turn.parameter("to"), turn.parameter("text")));
    }
}
