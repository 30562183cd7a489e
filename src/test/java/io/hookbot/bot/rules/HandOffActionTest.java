package io.hookbot.bot.rules;

import io.hookbot.api.HandOff;
import io.hookbot.api.MessageKind;
import io.hookbot.api.Reply;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code handoff: {to, for, note}}: from YAML to the {@link HandOff} action produced, and its mistakes. */
class HandOffActionTest {

    @Test
    void aRuleHandsOffToAnAgentsPhoneWithItsIdleTimeAndNoteAfterItsReply() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { keywords: [agent, human] }
                    then:
                      - reply: "An agent will answer you"
                      - handoff:
                          to: { channel: sms-main, address: "{{state.agent | +15550100}}" }
                          for: 4h
                          note: "{{sender.name}} asked: {{text}}"
                """);
        var message = Bots.message("sms-main", new User("+1555", "Maria", null), "a human please", MessageKind.TEXT);
        Bots.Outcome outcome = Bots.run(bot, message);
        assertEquals(List.of(Reply.text("An agent will answer you"),
                new HandOff("sms-main", "+15550100", Duration.ofHours(4), "Maria asked: a human please")),
                outcome.actions());
    }

    @Test
    void aHandOffWithoutATargetOrWhoseAddressComesOutEmptyForwardsNothing() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { keywords: [agent] }
                    then:
                      - handoff: { for: 90s }
                  - when: { keywords: [person] }
                    then:
                      - handoff: { to: { channel: sms-main, address: "{{state.nobody}}" }, for: 2d }
                """);
        assertEquals(List.of(HandOff.unrouted(Duration.ofSeconds(90), null)),
                Bots.run(bot, Bots.message("agent")).actions());
        assertEquals(List.of(HandOff.unrouted(Duration.ofDays(2), null)),
                Bots.run(bot, Bots.message("person")).actions());
    }

    @Test
    void mistakesInAHandOffAreReportedWithTheirLocation() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse("""
                bot: b
                rules:
                  - then:
                      - handoff: { to: { channel: agents, address: "1" }, for: 4h }
                      - handoff: { note: hi }
                      - handoff: { for: forever, until: 5pm }
                      - handoff: { for: 31d, to: { channel: sms-main } }
                      - handoff: { for: 1h, to: sms-main }
                      - handoff: later
                """));
        String all = e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("bot.yml:4:35: unknown channel 'agents'; a hand-off forwards on a channel configured "
                + "under hookbot.channels: [room-42, sms-main, wa-sales]"), all);
        assertTrue(all.contains("bot.yml:5:18: handoff needs 'for', the idle time after which the bot takes over again"),
                all);
        assertTrue(all.contains("bot.yml:6:25: handoff.for must be a duration from 1s to 30d such as 90s, 15m, 4h or "
                + "2d, not 'forever'"), all);
        assertTrue(all.contains("bot.yml:6:34: unknown key 'until' in handoff"), all);
        assertTrue(all.contains("bot.yml:7:25: handoff.for must be a duration from 1s to 30d"), all);
        assertTrue(all.contains("bot.yml:7:34: handoff.to needs 'address'"), all);
        assertTrue(all.contains("bot.yml:8:33: handoff.to must be"), all);
        assertTrue(all.contains("bot.yml:9:18: handoff must be"), all);
    }

    @Test
    void aScheduleRuleCannotHandOff() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse("""
                bot: b
                rules:
                  - name: nightly
                    on: schedule
                    cron: "0 2 * * *"
                    then:
                      - handoff: { for: 1h }
                """));
        assertTrue(e.getMessage().contains("it cannot reply, set, clear or hand off"), e.getMessage());
    }
}
