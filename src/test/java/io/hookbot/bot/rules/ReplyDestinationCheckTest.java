package io.hookbot.bot.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@code reply} is refused where it would have nowhere to go: in a rule for events that are not messages, and in
 * a rule that can hear from Webinato or VCaaS, which have no API to answer in the conversation.
 */
class ReplyDestinationCheckTest {

    /** sms-main and wa-sales can be answered; room-42 (Webinato) and class-7 (VCaaS) cannot. */
    private static final Map<String, String> CHANNELS = Map.of("sms-main", "sms-gateway", "wa-sales", "sms-gateway",
            "room-42", "webinato", "class-7", "vcaas");

    private static BotDefinition parse(String yaml) {
        return new RuleFileParser(CHANNELS, null).parse("bot.yml", yaml);
    }

    private static List<String> problems(String yaml) {
        return assertThrows(RuleFileException.class, () -> parse(yaml)).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void aReplyToAnEventThatIsNotAMessageIsAMistakeThatPointsToSend() {
        List<String> problems = problems("""
                bot: b
                channels: [sms-main]
                rules:
                  - on: presence.online
                    then: [{reply: "welcome back"}]
                  - on: meeting.started
                    then:
                      - set: { meeting: "{{event.meeting}}" }
                      - reply: "started"
                  - on: device.ussd
                    then: [{reply: "{{event.response}}"}]
                """);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bot.yml:5:13: reply: a presence event has no conversation to reply in "
                + "(only messages do); use send: {channel: <a configured channel>, to: <recipient>, text: …}"), problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:9:9: reply: a meeting event"), problems.toString());
        assertTrue(problems.get(2).startsWith("bot.yml:11:13: reply: a device event"), problems.toString());
    }

    @Test
    void aBotThatHearsAllChannelsCannotReplyUnlessTheRuleNamesAnswerableOnes() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - when: { keywords: [hi] }
                    then: [{reply: hello}]
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bot.yml:4:13: reply: rule 'rule-1' answers messages from channel "
                + "'class-7' (vcaas), channel 'room-42' (webinato), where there is no API to reply in the conversation; "
                + "use send: {channel: <another channel>"), problems.toString());
        // narrowed by the rule's channel or platform, by an 'all' or an 'any' of them, or by the bot's channels
        parse("bot: b\nrules:\n  - when: { channel: [sms-main, wa-sales] }\n    then: [{reply: hello}]\n");
        parse("bot: b\nrules:\n  - when: { platform: sms-gateway, keywords: [hi] }\n    then: [{reply: hello}]\n");
        parse("bot: b\nrules:\n  - when: { all: [{keywords: [hi]}, {channel: wa-sales}] }\n    then: [{reply: hello}]\n");
        parse("bot: b\nrules:\n  - when: { any: [{channel: wa-sales}, {channel: sms-main}] }\n    then: [{reply: hello}]\n");
        parse("bot: b\nchannels: [sms-main, wa-sales]\nrules:\n  - then: [{reply: hello}]\n");
        // a send on an answerable channel is how a Webinato message is answered
        parse("bot: b\nrules:\n  - when: { platform: webinato }\n    then: [{send: {channel: wa-sales, to: x, text: hi}}]\n");
    }

    @Test
    void narrowingIsConservativeAnyBranchOrNotThatLeavesWebinatoPossibleIsRefused() {
        // one branch of the any is not narrowed, so the rule may hear from anywhere
        assertEquals(1, problems("bot: b\nrules:\n  - when: { any: [{channel: sms-main}, {keywords: [hi]}] }\n"
                + "    then: [{reply: hello}]\n").size());
        // a not narrows nothing: write the channels that can be answered instead
        assertEquals(1, problems("bot: b\nrules:\n  - when: { not: { platform: [webinato, vcaas] } }\n"
                + "    then: [{reply: hello}]\n").size());
        // the bot's channels and the rule's platform together leave only the Webinato room
        List<String> problems = problems("bot: b\nchannels: [room-42, sms-main]\nrules:\n"
                + "  - when: { platform: webinato }\n    then: [{reply: hello}]\n");
        assertTrue(problems.get(0).contains("answers messages from channel 'room-42' (webinato), where"), problems.toString());
    }

    @Test
    void withoutTheChannelsPlatformsOnlyThePlatformConditionIsChecked() {
        RuleFileParser unknown = new RuleFileParser();
        unknown.parse("bot.yml", "bot: b\nrules:\n  - then: [{reply: hello}]\n");
        RuleFileException e = assertThrows(RuleFileException.class, () -> unknown.parse("bot.yml",
                "bot: b\nrules:\n  - when: { platform: [vcaas, sms-gateway] }\n    then: [{reply: hello}]\n"));
        assertTrue(e.problems().get(0).toString().contains("answers messages from platform vcaas, where"), e.problems().toString());
    }
}
