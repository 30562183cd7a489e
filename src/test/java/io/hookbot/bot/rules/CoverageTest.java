package io.hookbot.bot.rules;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warnings about a set of bots: a channel none answers, and two bots of one priority answering one message. */
class CoverageTest {

    private static final Map<String, String> CHANNELS = Map.of("sms-main", "sms-gateway", "room-42", "webinato",
            "chat", "mqtt-chat");

    private static BotDefinition bot(String file, String yaml) {
        return new RuleFileParser(CHANNELS, null).parse(file, yaml);
    }

    private static List<String> warnings(BotDefinition... bots) {
        return Coverage.of(new RuleSet(Arrays.asList(bots)), CHANNELS).stream().map(Coverage.Warning::toString).toList();
    }

    private static final BotDefinition ALL_CHANNELS = bot("all.yml", """
            bot: all
            rules:
              - on: presence
                then: [{send: {channel: sms-main, to: "+1", text: "{{sender.id}} is {{event.status}}"}}]
            """);

    @Test
    void aChannelNoRuleCanHearIsSaidToBeAnsweredByNoBot() {
        BotDefinition sms = bot("sms.yml", "bot: sms\nchannels: [sms-main]\nrules:\n  - then: [{reply: hi}]\n");
        // every rule of this bot asks for Webinato: it serves every channel, but hears only room-42
        BotDefinition webinar = bot("webinar.yml", """
                bot: webinar
                rules:
                  - when: { platform: webinato }
                    then: [{send: {channel: sms-main, to: "+1", text: "{{text}}"}}]
                """);
        assertEquals(List.of("warning: channel 'chat' (mqtt-chat) is answered by no bot: its webhooks are stored and "
                + "acknowledged, and nothing answers them; name it in a bot's channels: (a bot without channels: serves "
                + "them all), or remove it from the configuration"), warnings(sms, webinar));
        assertEquals(List.of(), warnings(sms, webinar, ALL_CHANNELS), "a presence rule on every channel hears chat");
        BotDefinition scheduled = bot("digest.yml", """
                bot: digest
                rules:
                  - on: schedule
                    every: 1h
                    then: [{send: {channel: sms-main, to: "+1", text: "tick"}}]
                """);
        assertEquals(3, warnings(scheduled).size(), "a schedule hears no channel");
    }

    @Test
    void twoBotsOfOnePriorityAnsweringOneChannelAreNamedWithBothFiles() {
        BotDefinition a = bot("bots/a.yml", "bot: a\nchannels: [sms-main]\nrules:\n  - then: [{reply: a}]\n");
        BotDefinition b = bot("bots/b.yml", "bot: b\nchannels: [sms-main]\nrules:\n  - when: {keywords: [x]}\n    then: [{reply: b}]\n");
        assertEquals(List.of("bots/b.yml:1:6: warning: bot 'b' and bot 'a' (bots/a.yml:1:6) can both answer one message "
                + "on channel 'sms-main' (sms-gateway), and both answers go out; give the one that should answer first a "
                + "higher priority: (the other then answers only what it leaves alone)"), warnings(a, b, ALL_CHANNELS));

        BotDefinition first = bot("bots/b.yml", "bot: b\npriority: 1\nchannels: [sms-main]\nrules:\n  - then: [{reply: b}]\n");
        assertEquals(List.of(), warnings(a, first, ALL_CHANNELS), "a priority says which one answers");

        BotDefinition c = bot("bots/c.yml", "bot: c\nrules:\n  - when: {channel: sms-main}\n    then: [{reply: c}]\n");
        List<String> below = warnings(a, first, c, ALL_CHANNELS);
        assertEquals(1, below.size(), below.toString());
        assertTrue(below.get(0).startsWith("bots/c.yml:1:6: warning: bot 'c' and bot 'a' (bots/a.yml:1:6)"), below.toString());
    }

    @Test
    void rulesThatSayNothingOrHearOtherChannelsDoNotAnswerTwice() {
        BotDefinition a = bot("a.yml", "bot: a\nchannels: [sms-main]\nrules:\n  - then: [{reply: a}]\n");
        BotDefinition quiet = bot("quiet.yml", """
                bot: quiet
                rules:
                  - when: { keywords: [vip] }
                    then: [{set: {tier: vip}}]
                  - when: { platform: webinato }
                    then: [{send: {channel: sms-main, to: "+1", text: "{{text}}"}}]
                  - on: presence
                    then: [{send: {channel: sms-main, to: "+1", text: "{{sender.id}}"}}]
                """);
        assertEquals(List.of(), warnings(a, quiet));
    }
}
