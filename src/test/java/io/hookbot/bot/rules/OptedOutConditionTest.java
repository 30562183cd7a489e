package io.hookbot.bot.rules;

import io.hookbot.api.PresenceView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code opted-out} condition (the sender, or a recipient on a channel) and the {@code sender.opted-out} and
 * {@code opted-out.<to>@<channel>} template values; a recipient is looked up only when the rule's other conditions
 * passed; mistakes named with their place.
 */
class OptedOutConditionTest {

    /** Look-ups where the sender's standing and a set of opted-out recipients are given, counting the asks. */
    private static final class OptOuts implements TurnLookups {
        final boolean sender;
        final Set<String> recipients;
        final List<String> asked = new ArrayList<>();

        OptOuts(boolean sender, Set<String> recipients) {
            this.sender = sender;
            this.recipients = recipients;
        }

        @Override
        public PresenceView presence() {
            return PresenceView.empty();
        }

        @Override
        public boolean firstMessage() {
            return false;
        }

        @Override
        public boolean senderOptedOut() {
            return sender;
        }

        @Override
        public boolean optedOut(String channel, String to) {
            asked.add(to + "@" + channel);
            return recipients.contains(to + "@" + channel);
        }
    }

    private static final BotDefinition BOT = Bots.parse("""
            bot: b
            rules:
              - name: goodbye
                when: { opted-out: true }
                then: [{reply: "bye ({{sender.opted-out}})"}]
              - name: forward
                when:
                  keywords: [forward]
                  opted-out: { channel: wa-sales, to: "+15550100", is: false }
                then: [{send: {channel: wa-sales, to: "+15550100", text: "fwd"}}]
              - name: tell
                when: { keywords: [status] }
                then: [{reply: "+15550100 out: {{opted-out.+15550100@wa-sales}}, you: {{opted-out.+15550001}}"}]
              - then: [{reply: "ok ({{sender.opted-out}})"}]
            """);

    private static Bots.Outcome ask(String text, OptOuts lookups) {
        return Bots.run(BOT, Bots.message(text), "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY, lookups);
    }

    @Test
    void theSendersStanding() {
        assertEquals("bye (true)", ask("anything", new OptOuts(true, Set.of())).reply());
        assertEquals("ok (false)", ask("anything", new OptOuts(false, Set.of())).reply());
    }

    @Test
    void aRecipientsStandingIsAskedOnlyWhenTheTextMatched() {
        OptOuts none = new OptOuts(false, Set.of());
        assertEquals("fwd", ask("forward this", none).sent());
        OptOuts out = new OptOuts(false, Set.of("+15550100@wa-sales"));
        assertEquals("ok (false)", ask("forward this", out).reply(), "is: false fails for one who opted out");
        OptOuts counting = new OptOuts(false, Set.of());
        ask("hello", counting);
        assertEquals(List.of(), counting.asked, "no look-up for a message the rule's keywords do not match");
    }

    @Test
    void templatesSayTrueOrFalse() {
        assertEquals("+15550100 out: true, you: false",
                ask("status", new OptOuts(false, Set.of("+15550100@wa-sales"))).reply());
        OptOuts both = new OptOuts(false, Set.of("+15550100@wa-sales", "+15550001@sms-main"));
        assertEquals("+15550100 out: true, you: true", ask("status", both).reply(),
                "without @ the event's own channel");
    }

    @Test
    void toolsWithoutARegistryAnswerFalse() {
        assertEquals("ok (false)", Bots.run(BOT, Bots.message("x"), "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY,
                TurnLookups.NONE).reply());
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse("""
                bot: b
                rules:
                  - when: { opted-out: maybe }
                    then: [{reply: hi}]
                  - when: { opted-out: { channel: nope, to: "+1" } }
                    then: [{reply: hi}]
                  - when: { opted-out: { to: "+1" } }
                    then: [{reply: hi}]
                  - when: { opted-out: { channel: sms-main, to: "+1", is: true, who: me } }
                    then: [{reply: "{{opted-out.}} {{opted-out.+1@nope}} {{sender.opted-outt}}"}]
                  - on: schedule
                    every: 1h
                    then: [{plugin: p, with: {a: "{{opted-out.+1}}", b: "{{opted-out.+1@sms-main}}"}}]
                """));
        String all = e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("bot.yml:3:"), all);
        assertTrue(all.contains("unknown channel 'nope'"), all);
        assertTrue(all.contains("opted-out about a recipient needs 'channel' and 'to'"), all);
        assertTrue(all.contains("who"), all);
        assertTrue(all.contains("say whom: opted-out.<to>"), all);
        assertTrue(all.contains("'sender' has id, name, role and opted-out"), all);
        assertTrue(all.contains("a schedule rule has no channel of its own: opted-out.<to>@<channel>"), all);
        assertTrue(!all.contains("{{opted-out.+1@sms-main}}"), "a schedule may name the channel: " + all);
    }
}
