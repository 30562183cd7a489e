package io.hookbot.bot.rules;

import io.hookbot.api.Attachment;
import io.hookbot.api.MessageKind;
import io.hookbot.api.MeetingEvent;
import io.hookbot.api.Send;
import io.hookbot.api.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code send: {channel, to, text, attach}}: from YAML to the {@link Send} actions produced, and its mistakes. */
class SendActionTest {

    @Test
    void aWebinatoQuestionIsForwardedToThePresentersWhatsApp() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { platform: webinato, regex: '(?<question>.+\\?)$' }
                    then:
                      - set: { forwarded: "yes" }
                      - send:
                          channel: wa-sales
                          to: "whatsapp:{{state.presenter-phone | +15550142}}"
                          text: "{{sender.name}} asks: {{match.question}} (forwarded: {{state.forwarded}})"
                """);
        var question = Bots.message("room-42", new User("a1", "Maria", "attendee"), "Can you hear me?", MessageKind.TEXT);
        Bots.Outcome outcome = Bots.run(bot, question, "webinato", Map.of(), Bots.NOON_UTC_MONDAY);
        assertEquals(List.of(Send.text("wa-sales", "whatsapp:+15550142", "Maria asks: Can you hear me? (forwarded: yes)")),
                outcome.sends());
        Bots.Outcome known = Bots.run(bot, question, "webinato", Map.of("presenter-phone", "+339"), Bots.NOON_UTC_MONDAY);
        assertEquals("whatsapp:+339", known.sends().get(0).to());
    }

    @Test
    void aMeetingStartIsAnnouncedBySmsWithAnAttachment() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - on: meeting.started
                    then:
                      - send: { channel: sms-main, to: "+15550100", text: "Meeting {{event.meeting}} started" }
                      - send:
                          channel: wa-sales
                          to: "whatsapp:+15550100"
                          text: agenda
                          attach: ["https://example.com/{{event.meeting}}.pdf", "{{state.no-such-file}}"]
                """);
        MeetingEvent started = new MeetingEvent("room-42", "m-9", "m-9", MeetingEvent.Type.STARTED, null,
                Bots.NOON_UTC_MONDAY, Map.of());
        List<Send> sends = Bots.run(bot, started).sends();
        assertEquals(Send.text("sms-main", "+15550100", "Meeting m-9 started"), sends.get(0));
        // an attachment whose URL comes out empty is left out rather than sent broken
        assertEquals(new Send("wa-sales", "whatsapp:+15550100", "agenda",
                List.of(new Attachment("https://example.com/m-9.pdf", null, null))), sends.get(1));
    }

    @Test
    void mistakesInASendAreReportedWithTheirLocation() {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse("""
                bot: b
                rules:
                  - then:
                      - send: { channel: whatsapp-sales, to: "{{sender.phone}}", text: hi }
                      - send: { channel: sms-main, txt: hi }
                      - send: hello
                """));
        String all = e.problems().stream().map(Problem::toString).reduce("", (a, b) -> a + b + "\n");
        assertTrue(all.contains("bot.yml:4:26: unknown channel 'whatsapp-sales'; send goes out on a channel configured "
                + "under hookbot.channels: [room-42, sms-main, wa-sales]"), all);
        assertTrue(all.contains("bot.yml:4:46: send.to: {{sender.phone}}: 'sender' has id, name, role and opted-out"), all);
        assertTrue(all.contains("bot.yml:5:36: unknown key 'txt' in send; did you mean 'text'?"), all);
        assertTrue(all.contains("bot.yml:5:15: send needs 'to'"), all);
        assertTrue(all.contains("bot.yml:5:15: send needs 'text'"), all);
        assertTrue(all.contains("bot.yml:6:15: send must be a mapping"), all);
    }
}
