package io.hookbot.bot.schedule;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Send;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * A plugin for schedule tests (on with {@code test.announcer=true}): a schedule rule hands it its firing and it sends
 * the rule's {@code text} to the rule's {@code to} on the rule's {@code channel}, with the firing's time, which is how
 * a user's plugin turns a schedule into messages.
 */
@Singleton
@Requires(property = "test.announcer", value = "true")
class Announcer implements BotPlugin {

    @Override
    public String id() {
        return "announcer";
    }

    @Override
    public List<Action> onSchedule(PluginTurn turn) {
        return List.of(Send.text(turn.parameter("channel"), turn.parameter("to"),
                turn.parameter("text") + " at " + turn.now()));
    }
}
