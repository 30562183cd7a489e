package io.hookbot.bot.rules;

import io.hookbot.api.MessageKind;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Each condition, from YAML text to the reply it gives or withholds. */
class ConditionsTest {

    @Test
    void keywordsMatchWholeWordsIgnoringCaseAndAccents() {
        String yaml = """
                bot: b
                rules:
                  - when: { keywords: [cafe, good morning] }
                    then: [{reply: yes}]
                """;
        assertEquals("yes", Bots.reply(yaml, "Un CAFÉ, s'il vous plaît"));
        assertEquals("yes", Bots.reply(yaml, "Good   Morning!"));
        assertNull(Bots.reply(yaml, "cafeteria"));
        assertNull(Bots.reply(yaml, "good mornings"));
    }

    @Test
    void phraseIsTheWholeMessage() {
        String yaml = """
                bot: b
                rules:
                  - when: { phrase: [stop, "opt out"] }
                    then: [{reply: unsubscribed}]
                """;
        assertEquals("unsubscribed", Bots.reply(yaml, "  STOP! "));
        assertEquals("unsubscribed", Bots.reply(yaml, "Opt-out"));
        assertNull(Bots.reply(yaml, "please stop"));
    }

    @Test
    void regexCapturesNamedGroupsFromTheOriginalText() {
        String yaml = """
                bot: b
                rules:
                  - when: { regex: '^order\\s+(?<number>\\d+)\\s+(?<note>.*)$' }
                    then: [{reply: "{{match.number}}/{{match.note}}"}]
                """;
        assertEquals("42/Rush It", Bots.reply(yaml, "ORDER 42 Rush It"));
        assertNull(Bots.reply(yaml, "my order 42 x"));
    }

    @Test
    void platformChannelKindAndRole() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: sticker-on-whatsapp
                    when: { kind: [sticker, picture], channel: wa-sales }
                    then: [{reply: nice picture}]
                  - name: presenter-on-webinato
                    when: { platform: webinato, role: Presenter }
                    then: [{send: {channel: wa-sales, to: "whatsapp:+15550009", text: hello presenter}}]
                """);
        assertEquals("nice picture", Bots.run(bot, Bots.message("wa-sales", User.of("1"), "", MessageKind.STICKER)).reply());
        assertNull(Bots.run(bot, Bots.message("sms-main", User.of("1"), "", MessageKind.STICKER)).reply());
        assertNull(Bots.run(bot, Bots.message("wa-sales", User.of("1"), "hi", MessageKind.TEXT)).reply());
        var presenter = Bots.message("room-42", new User("7", "Ann", "presenter"), "hi", MessageKind.TEXT);
        assertEquals("hello presenter", Bots.run(bot, presenter, "webinato", Map.of(), Bots.NOON_UTC_MONDAY).sent());
        assertNull(Bots.run(bot, presenter, "sms-gateway", Map.of(), Bots.NOON_UTC_MONDAY).sent());
        var attendee = Bots.message("room-42", new User("8", "Bob", "attendee"), "hi", MessageKind.TEXT);
        assertNull(Bots.run(bot, attendee, "webinato", Map.of(), Bots.NOON_UTC_MONDAY).sent());
    }

    @Test
    void stateValuesDriveAMultiStepFlow() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: got-number
                    when:
                      state: { step: awaiting-order }
                      regex: '(?<number>\\d{3,})'
                    then:
                      - clear: step
                      - reply: "Looking up {{match.number}}"
                  - name: ask
                    when: { keywords: [order], state: { step: ~ } }
                    then:
                      - set: { step: awaiting-order }
                      - reply: "Which order number?"
                  - name: reminder
                    when: { state: { step: [awaiting-order, awaiting-address] } }
                    then: [{reply: "Still waiting for {{state.step}}"}]
                """);
        Bots.Outcome asked = Bots.run(bot, Bots.message("I have a question about an order"));
        assertEquals("Which order number?", asked.reply());
        assertEquals(Map.of("step", "awaiting-order"), asked.state());
        Bots.Outcome waiting = Bots.run(bot, Bots.message("hmm"), "sms-gateway", asked.state(), Bots.NOON_UTC_MONDAY);
        assertEquals("Still waiting for awaiting-order", waiting.reply());
        Bots.Outcome answered = Bots.run(bot, Bots.message("it is 12345"), "sms-gateway", asked.state(), Bots.NOON_UTC_MONDAY);
        assertEquals("Looking up 12345", answered.reply());
        assertEquals(Map.of(), answered.state());
    }

    @Test
    void timeWindowInAZoneWithDaysAndOvernight() {
        BotDefinition bot = Bots.parse("""
                bot: b
                timezone: Europe/Paris
                rules:
                  - name: office
                    when: { time: { between: "09:00-18:00", days: mon-fri } }
                    then: [{reply: office}]
                  - name: night
                    when: { time: { between: "22:00-06:00", zone: America/New_York } }
                    then: [{reply: night}]
                  - then: [{reply: closed}]
                """);
        // Monday 12:00 UTC is 14:00 in Paris
        assertEquals("office", at(bot, "2024-05-06T12:00:00Z"));
        // Monday 17:30 UTC is 19:30 in Paris and 13:30 in New York
        assertEquals("closed", at(bot, "2024-05-06T17:30:00Z"));
        // Saturday 12:00 UTC
        assertEquals("closed", at(bot, "2024-05-11T12:00:00Z"));
        // Tuesday 05:00 UTC is 01:00 in New York (and 07:00 in Paris)
        assertEquals("night", at(bot, "2024-05-07T05:00:00Z"));
    }

    private static String at(BotDefinition bot, String instant) {
        return Bots.run(bot, Bots.message("hi"), "sms-gateway", Map.of(), Instant.parse(instant)).reply();
    }

    @Test
    void allAnyAndNotCombine() {
        String yaml = """
                bot: b
                rules:
                  - when:
                      any:
                        - keywords: [refund]
                        - all:
                            - keywords: [money]
                            - keywords: [back]
                      not: { keywords: [thanks] }
                    then: [{reply: refunds}]
                """;
        assertEquals("refunds", Bots.reply(yaml, "I want a refund"));
        assertEquals("refunds", Bots.reply(yaml, "money back please"));
        assertNull(Bots.reply(yaml, "money please"));
        assertNull(Bots.reply(yaml, "refund received, thanks"));
    }

    @Test
    void continueLetsLaterRulesFireToo() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: remember
                    when: { keywords: [vip] }
                    then: [{set: {tier: vip}}]
                    continue: true
                  - name: answer
                    then: [{reply: "tier={{state.tier | standard}}"}]
                """);
        Bots.Outcome vip = Bots.run(bot, Bots.message("I am vip"));
        assertEquals(java.util.List.of("b/remember", "b/answer"), vip.matched());
        assertEquals("tier=vip", vip.reply());
        assertEquals("tier=standard", Bots.run(bot, Bots.message("hello")).reply());
    }
}
