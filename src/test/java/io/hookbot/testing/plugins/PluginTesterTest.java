package io.hookbot.testing.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.hookbot.api.SetState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test kit as a plugin author uses it: messages in, replies and state out, the clock in hand. */
class PluginTesterTest {

    /** Answers an order question; asked again within an hour, says it already looked. Uses state and the clock. */
    static final class OrderStatus implements BotPlugin {
        @Override
        public String id() {
            return "order-status";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            String order = turn.captures().getOrDefault("order", turn.text().replaceAll("\\D", ""));
            String askedAt = turn.state().get("asked-at");
            if (askedAt != null && Duration.between(Instant.parse(askedAt), turn.now()).toHours() < 1) {
                return List.of(Reply.text("Still looking into order " + order + ", " + turn.sender().id()));
            }
            return List.of(new SetState("asked-at", turn.now().toString()),
                    Reply.text(turn.setting("shop", "We") + ": order " + order + " has shipped"));
        }
    }

    @Test
    void aMessageFromASenderOnAChannelGivesTheRepliesAndTheStateIsKeptBetweenTurns() {
        PluginTester tester = PluginTester.of(new OrderStatus()).setting("shop", "Acme");

        assertEquals("Acme: order 12345 has shipped",
                tester.receives("order 12345").from("+639170000001").on("sms-main").reply());
        assertEquals("Still looking into order 12345, +639170000001",
                tester.receives("order 12345").from("+639170000001").on("sms-main").reply());
        assertEquals(Map.of("asked-at", "2024-05-06T09:30:00Z"), tester.state("+639170000001"));
    }

    @Test
    void theClockIsTheTests() {
        PluginTester tester = PluginTester.of(new OrderStatus());
        tester.receives("order 1").from("+1").answer();

        tester.clock().advance(Duration.ofHours(2));

        assertEquals(List.of("We: order 1 has shipped"), tester.receives("order 1").from("+1").replies());
        assertEquals("2024-05-06T11:30:00Z", tester.state("+1").get("asked-at"));
    }

    @Test
    void capturesAndParametersReachThePluginAsARuleWouldPassThem() {
        BotPlugin echo = new BotPlugin() {
            @Override
            public String id() {
                return "echo";
            }

            @Override
            public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                return List.of(Reply.text(turn.captures() + " " + turn.parameter("lang") + " " + turn.channel()));
            }
        };

        assertEquals("{order=7} tl wa-sales", PluginTester.of(echo).receives("order 7").on("wa-sales")
                .captures(Map.of("order", "7")).with("lang", "tl").reply());
    }

    @Test
    void anAnswerHookbotWouldRefuseFailsTheTestWithTheReason() {
        BotPlugin sloppy = new BotPlugin() {
            @Override
            public String id() {
                return "sloppy";
            }

            @Override
            public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                return null;
            }
        };

        AssertionError error = assertThrows(AssertionError.class, () -> PluginTester.of(sloppy).receives("hi").answer());
        assertTrue(error.getMessage().contains("returned null"), error.getMessage());
    }
}
