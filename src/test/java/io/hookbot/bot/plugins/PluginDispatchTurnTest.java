package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.PresenceView;
import io.hookbot.api.Reply;
import io.hookbot.api.ScheduleFired;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plugin is given the turn the rules see: whether the message is its sender's first, and no event for a firing. */
class PluginDispatchTurnTest {

    private static final Instant NOW = Instant.parse("2024-05-06T12:00:00Z");

    private final PluginRunner runner = new PluginRunner(Duration.ofSeconds(2), 2, new PluginFailures());

    @AfterEach
    void stop() {
        runner.close();
    }

    private PluginDispatch dispatch() {
        LoadedPlugin loaded = new LoadedPlugin(TestPlugins.plugin("who", turn -> List.of(Reply.text(
                "first " + turn.firstMessage() + ", event " + (turn.event() == null ? "none" : turn.channel())))),
                "test", Map.of());
        return new PluginDispatch(id -> loaded, runner, PresenceView.empty());
    }

    private static String answer(List<Action> actions) {
        return ((Reply) actions.get(0)).text();
    }

    @Test
    void aPluginSeesWhetherTheMessageIsItsSendersFirst() {
        PluginTurn message = TestPlugins.turn(5, "hello");
        assertEquals("first true, event sms-main", answer(dispatch().forTurn(5, message.event(), NOW, true)
                .handOff("who", Map.of(), Map.of(), Map.of())));
        assertEquals("first false, event sms-main", answer(dispatch().forTurn(6, message.event(), NOW, false)
                .handOff("who", Map.of(), Map.of(), Map.of())));
    }

    @Test
    void aScheduleFiringReachesThePluginWithoutAnEvent() {
        ScheduleFired firing = new ScheduleFired("b", "r", "every 1h", NOW, NOW);
        List<Action> answer = new PluginDispatch(id -> new LoadedPlugin(new io.hookbot.api.BotPlugin() {
            @Override
            public String id() {
                return "who";
            }

            @Override
            public List<Action> onSchedule(PluginTurn turn) {
                return List.of(Reply.text("fired, event " + turn.event()));
            }
        }, "test", Map.of()), runner, PresenceView.empty()).forTurn(7, firing, NOW, false)
                .handOff("who", Map.of(), Map.of(), Map.of());
        assertEquals("fired, event null", answer(answer));
    }
}
