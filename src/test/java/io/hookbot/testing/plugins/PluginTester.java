package io.hookbot.testing.plugins;

import io.hookbot.api.Action;
import io.hookbot.api.BotPlugin;
import io.hookbot.api.ClearState;
import io.hookbot.api.Event;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MessageReceived;
import io.hookbot.api.PluginCalls;
import io.hookbot.api.PluginTurn;
import io.hookbot.api.Send;
import io.hookbot.api.SetState;
import io.hookbot.api.User;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a plugin the way hookbot does, without HTTP or a database:
 * <pre>
 * PluginTester tester = PluginTester.of(new OrderStatus()).setting("api", "…");
 * assertEquals("Order 12345 has shipped", tester.receives("order 12345").from("+639170000001").on("sms-main").reply());
 * </pre>
 * State the plugin sets is kept per conversation across turns, as hookbot keeps it; the clock is a {@link TestClock};
 * {@code turn.presence()} answers from the facts given to {@link #presence()}. An answer hookbot would refuse
 * ({@code null}, a {@code null} action, a send without a channel, recipient or text) fails the test with the reason,
 * checked by the same {@link PluginCalls} hookbot uses.
 *
 * <p>The kit depends on hookbot's plugin API ({@code io.hookbot.api}) only. A plugin project gets it as the
 * {@code io.hookbot:hookbot:<version>:plugin-test-kit} test jar (see {@code bots/plugins/example}).
 */
public final class PluginTester {

    private final BotPlugin plugin;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> states = new HashMap<>();
    private final TestClock clock = new TestClock(Instant.parse("2024-05-06T09:30:00Z"));
    private final TestPresence presence = new TestPresence(clock);
    private final AtomicLong turns = new AtomicLong();

    private PluginTester(BotPlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * @param plugin the plugin under test
     * @return a tester for it
     */
    public static PluginTester of(BotPlugin plugin) {
        return new PluginTester(plugin);
    }

    /**
     * @param name  a setting's name, as under {@code hookbot.plugins.<id>.}
     * @param value its value
     * @return this
     */
    public PluginTester setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** @return the clock every turn sees; set or advance it between turns */
    public TestClock clock() {
        return clock;
    }

    /** @return the presence facts every turn sees through {@code turn.presence()}; add to them between turns */
    public TestPresence presence() {
        return presence;
    }

    /**
     * @param conversation a conversation key
     * @return its state now (read-only)
     */
    public Map<String, String> state(String conversation) {
        return Map.copyOf(states.getOrDefault(conversation, Map.of()));
    }

    /**
     * @param text a message text
     * @return a message from {@code +15550001} on {@code sms-main} to complete, then run with {@link Message#answer()}
     */
    public Message receives(String text) {
        return new Message(this, text, "+15550001", null, "sms-main", null, Map.of(), Map.of());
    }

    /**
     * Hands the plugin any event, as a rule with these captures and parameters would.
     *
     * @param event      the event
     * @param captures   the rule's captures
     * @param parameters the rule's {@code with:} values
     * @return the answer
     */
    public PluginAnswer handle(Event event, Map<String, String> captures, Map<String, String> parameters) {
        Map<String, String> state = states.computeIfAbsent(event.conversation(), k -> new HashMap<>());
        PluginTurn turn = new PluginTurn(turns.incrementAndGet(), event, state, captures, parameters, settings,
                java.time.Clock.fixed(clock.instant(), clock.getZone()), presence);
        List<Action> actions = PluginCalls.invoke(plugin, turn);
        String problem = PluginCalls.problem(actions);
        if (problem != null) {
            throw new AssertionError("hookbot would cut plugin " + plugin.id() + " off: " + problem);
        }
        // state actions change the conversation's state in order, as hookbot applies them
        for (Action action : actions) {
            if (action instanceof SetState set) {
                state.put(set.key(), set.value());
            } else if (action instanceof ClearState clear) {
                state.remove(clear.key());
            }
        }
        return new PluginAnswer(List.copyOf(actions), Map.copyOf(state));
    }

    /**
     * A message being written for the plugin; each method returns a changed copy.
     *
     * @param tester       the tester that runs it
     * @param text         the text
     * @param sender       the sender's id
     * @param name         the sender's name, or {@code null}
     * @param channel      the channel
     * @param conversation the conversation key; {@code null} for one per sender
     * @param captures     the rule's captures
     * @param parameters   the rule's {@code with:} values
     */
    public record Message(PluginTester tester, String text, String sender, String name, String channel,
                          String conversation, Map<String, String> captures, Map<String, String> parameters) {

        /** @param id the sender's id (a phone number, a user id) @return the message from them */
        public Message from(String id) {
            return new Message(tester, text, id, name, channel, conversation, captures, parameters);
        }

        /** @param displayName the sender's name @return the message with it */
        public Message named(String displayName) {
            return new Message(tester, text, sender, displayName, channel, conversation, captures, parameters);
        }

        /** @param channelName the channel it arrives on @return the message there */
        public Message on(String channelName) {
            return new Message(tester, text, sender, name, channelName, conversation, captures, parameters);
        }

        /** @param key the conversation key @return the message in that conversation */
        public Message in(String key) {
            return new Message(tester, text, sender, name, channel, key, captures, parameters);
        }

        /** @param values the captures of the rule that hands it over @return the message with them */
        public Message captures(Map<String, String> values) {
            return new Message(tester, text, sender, name, channel, conversation, values, parameters);
        }

        /** @param name a {@code with:} parameter @param value its value @return the message with it */
        public Message with(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(parameters);
            more.put(name, value);
            return new Message(tester, text, sender, this.name, channel, conversation, captures, more);
        }

        /** @return the plugin's answer */
        public PluginAnswer answer() {
            String key = conversation != null ? conversation : sender;
            MessageReceived message = new MessageReceived(channel, key, new User(sender, name, null), text,
                    MessageKind.TEXT, List.of(), null, tester.clock.instant(), null, Map.of());
            return tester.handle(message, captures, parameters);
        }

        /** @return the texts of the plugin's replies */
        public List<String> replies() {
            return answer().replies();
        }

        /** @return the text of its one reply; fails unless there is exactly one */
        public String reply() {
            return answer().reply();
        }

        /** @return the one message it sends to another channel; fails unless there is exactly one */
        public Send send() {
            return answer().send();
        }
    }
}
