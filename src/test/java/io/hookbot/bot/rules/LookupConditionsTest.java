package io.hookbot.bot.rules;

import io.hookbot.api.PresenceChanged;
import io.hookbot.api.PresenceFilter;
import io.hookbot.api.PresenceView;
import io.hookbot.api.UserPresence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code presence} and {@code first-message} conditions and the {@code presence.<user>} template variable. */
class LookupConditionsTest {

    /** A presence view over a map, counting its lookups. */
    static final class MapPresence implements PresenceView {
        final Map<String, UserPresence> users = new HashMap<>();
        final AtomicInteger lookups = new AtomicInteger();

        MapPresence with(String channel, String user, PresenceChanged.Status status, Map<String, PresenceChanged.Status> scopes) {
            users.put(channel + "/" + user, new UserPresence(channel, user, null, status, Bots.NOON_UTC_MONDAY,
                    Bots.NOON_UTC_MONDAY, scopes));
            return this;
        }

        @Override
        public Optional<UserPresence> find(String channel, String user) {
            lookups.incrementAndGet();
            return Optional.ofNullable(users.get(channel + "/" + user));
        }

        @Override
        public List<UserPresence> list(PresenceFilter filter) {
            return new ArrayList<>(users.values());
        }
    }

    private static final BotDefinition AGENT_BOT = Bots.parse("""
            bot: b
            channels: [sms-main]
            rules:
              - name: agent-in-meeting
                when:
                  keywords: [agent]
                  presence: { user: agent-7, channel: room-42, scope: m-1, is: [joined, waiting] }
                then: [{reply: "agent 7 is in the meeting"}]
              - name: agent-away
                when:
                  keywords: [agent]
                  presence: { user: agent-7, channel: wa-sales, is: away }
                then: [{reply: "agent 7 is away"}]
              - name: agent-online
                when:
                  keywords: [agent]
                  presence: { user: agent-7, channel: wa-sales, is: online }
                then: [{reply: "agent 7 is online"}]
              - name: agent-offline
                when:
                  keywords: [agent]
                  presence: { user: agent-7, channel: wa-sales, is: offline }
                then: [{reply: "agent 7 is {{presence.agent-7@wa-sales}}; you are {{presence.+15550001}}"}]
            """);

    private static Bots.Outcome ask(String text, MapPresence presence) {
        return Bots.run(AGENT_BOT, Bots.message(text), "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY,
                TurnLookups.of(presence, false));
    }

    @Test
    void anotherUsersPresenceOnAnotherChannelAndInAScope() {
        MapPresence presence = new MapPresence();
        assertEquals("agent 7 is offline; you are offline", ask("agent please", presence).reply());
        presence.with("wa-sales", "agent-7", PresenceChanged.Status.ONLINE, Map.of());
        assertEquals("agent 7 is online", ask("agent please", presence).reply());
        presence.with("wa-sales", "agent-7", PresenceChanged.Status.AWAY, Map.of());
        assertEquals("agent 7 is away", ask("agent please", presence).reply());
        presence.with("room-42", "agent-7", PresenceChanged.Status.WAITING, Map.of("m-1", PresenceChanged.Status.WAITING));
        assertEquals("agent 7 is in the meeting", ask("agent please", presence).reply());
        presence.with("room-42", "agent-7", PresenceChanged.Status.JOINED, Map.of("m-2", PresenceChanged.Status.JOINED));
        assertEquals("agent 7 is away", ask("agent please", presence).reply());
        presence.with("sms-main", "+15550001", PresenceChanged.Status.OFFLINE, Map.of())
                .with("wa-sales", "agent-7", PresenceChanged.Status.OFFLINE, Map.of());
        assertEquals("agent 7 is offline; you are offline", ask("agent please", presence).reply());
    }

    @Test
    void presenceIsLookedUpOnlyWhenTheRestOfTheRuleHolds() {
        MapPresence presence = new MapPresence();
        assertNull(ask("hello there", presence).reply());
        assertEquals(0, presence.lookups.get());
        ask("agent please", presence);
        assertTrue(presence.lookups.get() > 0);
    }

    @Test
    void presenceDefaultsToTheEventsChannel() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { presence: { user: boss, is: online } }
                    then: [{reply: "the boss is here"}]
                """);
        MapPresence presence = new MapPresence().with("sms-main", "boss", PresenceChanged.Status.ONLINE, Map.of());
        assertEquals("the boss is here", Bots.run(bot, Bots.message("x"), "sms-gateway", Map.of(),
                Bots.NOON_UTC_MONDAY, TurnLookups.of(presence, false)).reply());
        assertNull(Bots.run(bot, Bots.message("x")).reply());
    }

    @Test
    void firstMessageFromASender() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: welcome
                    when: { first-message: true }
                    then: [{reply: "welcome!"}]
                    continue: true
                  - name: returning
                    when: { first-message: false, keywords: [hi] }
                    then: [{reply: "hi again"}]
                  - then: [{reply: "ok"}]
                """);
        Bots.Outcome first = Bots.run(bot, Bots.message("hi"), "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY,
                TurnLookups.of(new MapPresence(), true));
        assertEquals(List.of("welcome!", "ok"), first.replies());
        Bots.Outcome second = Bots.run(bot, Bots.message("hi"), "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY,
                TurnLookups.of(new MapPresence(), false));
        assertEquals(List.of("hi again"), second.replies());
    }

    @Test
    void mistakesInPresenceConditionsAndVariables() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse("""
                bot: b
                rules:
                  - when: { presence: { user: a, channel: mqtt-mian, is: sleeping } }
                    then: [{reply: hi}]
                  - when: { presence: { user: a, is: joined } }
                    then: [{reply: hi}]
                  - when: { presence: { is: online, scope: m-1 } }
                    then: [{reply: "{{presence.a@mqtt-mian}} {{presence.}}"}]
                  - when: { first-message: yes please }
                    then: [{reply: hi}]
                """));
        String all = e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("bot.yml:3:43: unknown channel 'mqtt-mian'"), all);
        assertTrue(all.contains("bot.yml:3:58: presence.is: unknown status 'sleeping'; use one of [away, offline, online]"), all);
        assertTrue(all.contains("bot.yml:5:38: presence.is 'joined' needs a scope"), all);
        assertTrue(all.contains("bot.yml:7:23: presence needs 'user'"), all);
        assertTrue(all.contains("presence.is 'online'") == false, all);
        assertTrue(all.contains("bot.yml:8:20: reply: {{presence.a@mqtt-mian}}: unknown channel 'mqtt-mian'"), all);
        assertTrue(all.contains("bot.yml:9:28: first-message must be true or false"), all);
    }
}
