package io.hookbot.testing.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
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
    void aHandOffIsInTheAnswer() {
        BotPlugin escalate = new BotPlugin() {
            @Override
            public String id() {
                return "escalate";
            }

            @Override
            public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                return List.of(Reply.text("A person will answer"),
                        new io.hookbot.api.HandOff("agents", "+15550999", Duration.ofHours(4), message.text()));
            }
        };
        PluginAnswer answer = PluginTester.of(escalate).receives("a refund please").from("+1").answer();
        assertEquals("A person will answer", answer.reply());
        assertEquals(new io.hookbot.api.HandOff("agents", "+15550999", Duration.ofHours(4), "a refund please"),
                answer.handOff());
        assertEquals(null, PluginTester.of(new OrderStatus()).receives("order 1").from("+1").answer().handOff());
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

    /** Forwards a question to the on-call agent's WhatsApp when the agent is online, else says to wait. */
    static final class Escalate implements BotPlugin {
        @Override
        public String id() {
            return "escalate";
        }

        @Override
        public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
            String agent = turn.setting("agent", "agent-1");
            if (!turn.presence().isOnline("mqtt-desk", agent)) {
                return List.of(Reply.text("Our agents are away; we answer by 9:00."));
            }
            return List.of(Send.text("wa-agents", "whatsapp:" + turn.setting("agent-phone", "?"),
                    turn.sender().id() + " asks: " + turn.text()), Reply.text("An agent will answer shortly."));
        }
    }

    @Test
    void presenceFactsGivenToTheTesterAreWhatThePluginSeesAndItsSendsCanBeAsserted() {
        PluginTester tester = PluginTester.of(new Escalate()).setting("agent-phone", "+639170000009");

        assertEquals("Our agents are away; we answer by 9:00.", tester.receives("help").from("+1").reply());
        assertEquals(List.of(), tester.receives("help").from("+1").answer().sends());

        tester.presence().online("mqtt-desk", "agent-1");
        PluginAnswer answer = tester.receives("my order is late").from("+639170000001").answer();

        assertEquals(Send.text("wa-agents", "whatsapp:+639170000009", "+639170000001 asks: my order is late"),
                answer.send());
        assertEquals("An agent will answer shortly.", answer.reply());

        tester.presence().offline("mqtt-desk", "agent-1");
        assertEquals(List.of(), tester.receives("help").from("+1").answer().sends());
    }

    @Test
    void thePresenceFactsAnswerListsAsHookbotsViewDoes() {
        TestPresence presence = PluginTester.of(new Escalate()).presence()
                .online("vcaas-main", "bob").in("vcaas-main", "alice", "meeting-7").in("vcaas-main", "bob", "meeting-7")
                .offline("sms-main", "+1");

        assertEquals(List.of("alice", "bob"), presence.in("vcaas-main", "meeting-7").stream()
                .map(io.hookbot.api.UserPresence::user).toList());
        assertTrue(presence.isOnline("vcaas-main", "alice"), "in a meeting counts as online");
        assertEquals(List.of("+1"), presence.list(new io.hookbot.api.PresenceFilter(null,
                io.hookbot.api.PresenceChanged.Status.OFFLINE, null)).stream().map(io.hookbot.api.UserPresence::user).toList());
        assertEquals(Instant.parse("2024-05-06T09:30:00Z"), presence.lastSeen("sms-main", "+1").orElseThrow());
    }

    @Test
    void aSendHookbotWouldRefuseFailsTheTest() {
        BotPlugin careless = new BotPlugin() {
            @Override
            public String id() {
                return "careless";
            }

            @Override
            public List<Action> onMessage(MessageReceived message, PluginTurn turn) {
                return List.of(Send.text("wa-agents", null, "lost"));
            }
        };

        AssertionError error = assertThrows(AssertionError.class,
                () -> PluginTester.of(careless).receives("hi").answer());
        assertTrue(error.getMessage().contains("a send needs a recipient"), error.getMessage());
    }
}
