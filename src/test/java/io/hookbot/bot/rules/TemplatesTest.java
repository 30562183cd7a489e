package io.hookbot.bot.rules;

import io.hookbot.api.MessageKind;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Templates fill in the turn's values, with defaults, and never evaluate what users wrote. */
class TemplatesTest {

    @Test
    void senderConversationChannelPlatformAndBot() {
        BotDefinition bot = Bots.parse("""
                bot: helper
                rules:
                  - then: [{reply: "{{sender.name}}|{{sender.id}}|{{sender.role | guest}}|{{conversation}}|{{channel}}|{{platform}}|{{bot}}|{{event.kind}}|{{event.id}}"}]
                """);
        assertEquals("Ann|+1|guest|conv-1|sms-main|sms-gateway|helper|text|ext-1",
                Bots.run(bot, Bots.message("sms-main", new User("+1", "Ann", null), "hi", MessageKind.TEXT)).reply());
        // a sender without a name is called by id
        assertEquals("+1|+1|guest|conv-1|sms-main|sms-gateway|helper|text|ext-1",
                Bots.run(bot, Bots.message("sms-main", User.of("+1"), "hi", MessageKind.TEXT)).reply());
    }

    @Test
    void currentTimeInTheBotsZone() {
        BotDefinition bot = Bots.parse("""
                bot: b
                timezone: Asia/Tokyo
                rules:
                  - then: [{reply: "{{now.date}} {{now.time}} {{now.weekday}} {{now.iso}} {{now}}"}]
                """);
        assertEquals("2024-05-07 01:30 Tuesday 2024-05-06T16:30:00Z 2024-05-07T01:30+09:00",
                Bots.run(bot, Bots.message("x"), "sms-gateway", Map.of(), Instant.parse("2024-05-06T16:30:00Z")).reply());
    }

    @Test
    void defaultsFillMissingValuesAndStateIsReadAsItIsAtEachAction() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - then:
                      - reply: "before: {{state.name | 'nobody'}}"
                      - set: { name: "{{text}}" }
                      - reply: "after: {{state.name}}"
                """);
        Bots.Outcome outcome = Bots.run(bot, Bots.message("Zoe"));
        assertEquals(java.util.List.of("before: nobody", "after: Zoe"), outcome.replies());
    }

    @Test
    void userTextIsInsertedAsTextNeverEvaluated() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { regex: '^say (?<what>.+)$' }
                    then:
                      - set: { secret: s3cr3t }
                      - reply: "you said {{match.what}}"
                      - reply: "echo {{text}}"
                """);
        Bots.Outcome outcome = Bots.run(bot, Bots.message("say {{state.secret}} ${jndi:x} #{1+1}"));
        assertEquals(java.util.List.of("you said {{state.secret}} ${jndi:x} #{1+1}",
                "echo say {{state.secret}} ${jndi:x} #{1+1}"), outcome.replies());
    }
}
