package io.hookbot.bot.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.Reply;
import io.hookbot.api.UserPresence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin's presence queries run on the turn's thread (where the server's view joins the turn's transaction),
 * whichever thread the plugin itself runs on, and only while its call lasts.
 */
class PluginPresenceViewTest {

    private static final Instant SEEN = Instant.parse("2024-05-06T11:59:00Z");

    /** A view that knows one user online, and records the threads it was asked on. */
    private final List<Thread> askedOn = new CopyOnWriteArrayList<>();
    private final PresenceView view = new PresenceView() {
        @Override
        public Optional<UserPresence> find(String channel, String user) {
            askedOn.add(Thread.currentThread());
            return user.equals("+639170000001") ? Optional.of(new UserPresence(channel, user, "Ana",
                    PresenceChanged.Status.ONLINE, SEEN, SEEN, Map.of())) : Optional.empty();
        }

        @Override
        public List<UserPresence> list(PresenceFilter filter) {
            askedOn.add(Thread.currentThread());
            return List.of();
        }
    };
    private PluginRunner runner;

    @AfterEach
    void stop() {
        runner.close();
    }

    /**
     * @param quarantined whether the plugin has overrun once before, and so runs on a plugin thread
     * @param plugin      what the plugin does
     */
    private List<Action> handOff(boolean quarantined, java.util.function.Function<PluginTurn, List<Action>> plugin) {
        runner = new PluginRunner(Duration.ofMillis(500), 2, new PluginFailures());
        if (quarantined) {
            TestPlugins.overrunOnce(runner, "who");
        }
        LoadedPlugin loaded = new LoadedPlugin(TestPlugins.plugin("who", plugin), "test", Map.of());
        PluginDispatch dispatch = new PluginDispatch(id -> loaded, runner, view);
        return dispatch.forTurn(5, TestPlugins.turn(5, "is Ana there").event(), SEEN)
                .handOff("who", Map.of(), Map.of(), Map.of());
    }

    @Test
    void aPluginsQueryRunsOnTheTurnsThreadWhereverThePluginRuns() {
        for (boolean quarantined : List.of(false, true)) {
            askedOn.clear();
            queriesRunOnTheTurnsThread(quarantined);
            runner.close();
        }
    }

    private void queriesRunOnTheTurnsThread(boolean quarantined) {
        AtomicReference<Thread> pluginThread = new AtomicReference<>();

        List<Action> answer = handOff(quarantined, turn -> {
            pluginThread.set(Thread.currentThread());
            boolean online = turn.presence().isOnline("sms-main", "+639170000001");
            Instant seen = turn.presence().lastSeen("sms-main", "+639170000001").orElseThrow();
            return List.of(Reply.text("online " + online + " since " + seen
                    + ", nobody else: " + turn.presence().find("sms-main", "+1").isEmpty()));
        });

        assertEquals(List.of(Reply.text("online true since 2024-05-06T11:59:00Z, nobody else: true")), answer);
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread(), Thread.currentThread()), askedOn);
        assertEquals(!quarantined, pluginThread.get() == Thread.currentThread(), "quarantined: " + quarantined);
    }

    @Test
    void aQueryFromAThreadOfThePluginsOwnFailsWithTheReason() {
        List<Action> answer = handOff(false, turn -> {
            AtomicReference<String> outcome = new AtomicReference<>();
            Thread own = new Thread(() -> {
                try {
                    turn.presence().isOnline("sms-main", "+639170000001");
                    outcome.set("answered");
                } catch (IllegalStateException e) {
                    outcome.set(e.getMessage());
                }
            });
            own.start();
            try {
                own.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of(Reply.text(outcome.get()));
        });

        assertTrue(((Reply) answer.get(0)).text().contains("a thread of the plugin's own"), answer.toString());
        assertEquals(List.of(), askedOn);
    }

    @Test
    void aQueryAfterTheCallHasEndedFails() {
        queryAfterTheCallFails(false);
        runner.close();
        queryAfterTheCallFails(true);
    }

    private void queryAfterTheCallFails(boolean quarantined) {
        AtomicReference<PluginTurn> kept = new AtomicReference<>();
        handOff(quarantined, turn -> {
            kept.set(turn);
            return List.of();
        });

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kept.get().presence().find("sms-main", "+639170000001"));
        assertTrue(e.getMessage().contains("after the plugin call ended"), e.getMessage());
        assertEquals(List.of(), askedOn);
    }
}
