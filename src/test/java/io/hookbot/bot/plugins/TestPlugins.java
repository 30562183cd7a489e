package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.hookbot.api.User;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/** Small plugins that behave well or badly, for the isolation tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * @param id     the id
     * @param answer what it does with a message
     * @return the plugin
     */
    static BotPlugin plugin(String id, Function<PluginTurn, List<Action>> answer) {
        return new BotPlugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                return answer.apply(turn);
            }
        };
    }

    static BotPlugin replying(String id, String text) {
        return plugin(id, turn -> List.of(Reply.text(text)));
    }

    static BotPlugin throwing(String id) {
        return plugin(id, turn -> {
            throw new IllegalStateException("order service down");
        });
    }

    static BotPlugin returningNull(String id) {
        return plugin(id, turn -> null);
    }

    static BotPlugin returningNullAction(String id) {
        return plugin(id, turn -> new ArrayList<>(Arrays.asList(Reply.text("fine"), null)));
    }

    /** Blocks until the latch opens, ignoring interrupts, like a plugin stuck in a loop. */
    static BotPlugin hanging(String id, CountDownLatch release) {
        return plugin(id, turn -> {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // a badly written plugin swallows the interrupt and goes on waiting
                }
            }
            return List.of(Reply.text("too late"));
        });
    }

    /**
     * Has the runner quarantine a plugin id the way it does in use: one call of it overruns its budget, politely (it
     * returns when interrupted). Counts one {@code TIMED_OUT} for the id.
     */
    static void overrunOnce(PluginRunner runner, String id) {
        runner.call(plugin(id, turn -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                // the watchdog's interrupt at the deadline: answer at once, too late
            }
            return List.of();
        }), turn(0, "x"));
        if (!runner.quarantined().contains(id)) {
            throw new IllegalStateException(id + " was not quarantined");
        }
    }

    static PluginTurn turn(long id, String text) {
        MessageReceived message = new MessageReceived("sms-main", "conv-1", User.of("+639170000001"), text,
                MessageKind.TEXT, List.of(), null, Instant.parse("2024-05-06T12:00:00Z"), null, Map.of());
        return new PluginTurn(id, message, Map.of(), Map.of(), Map.of(), Map.of(),
                Clock.fixed(message.timestamp(), ZoneOffset.UTC), null);
    }
}
