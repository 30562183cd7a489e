package io.hookbot.bot.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of mistake is reported with file:line:column and a plain message; all of a file's mistakes at once. */
class RuleFileValidationTest {

    private static List<String> problems(String yaml) {
        RuleFileException e = assertThrows(RuleFileException.class, () -> Bots.parse(yaml));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static void assertProblem(String yaml, String expectedStart, String expectedText) {
        List<String> problems = problems(yaml);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(expectedStart) && p.contains(expectedText)),
                "expected " + expectedStart + " … " + expectedText + " in " + problems);
    }

    @Test
    void unknownKeyIsReportedAtTheKeyWithTheNearestKnownOne() {
        assertProblem("""
                bot: b
                rules:
                  - name: greeting
                    when:
                      keywrds: [hello]
                    then:
                      - reply: hi
                """, "bot.yml:5:7: ", "unknown key 'keywrds' in a condition; did you mean 'keywords'?");
    }

    @Test
    void unknownTopLevelAndRuleKeys() {
        List<String> problems = problems("""
                bot: b
                chanels: [sms-main]
                rules:
                  - name: a
                    then: [{reply: hi}]
                    contine: true
                """);
        assertTrue(problems.get(0).startsWith("bot.yml:2:1: unknown key 'chanels' in the bot; did you mean 'channels'?"), problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:6:5: unknown key 'contine' in a rule"), problems.toString());
    }

    @Test
    void badRegexSaysWhatAndWhere() {
        assertProblem("""
                bot: b
                rules:
                  - when: { regex: 'order (\\d+' }
                    then: [{reply: hi}]
                """, "bot.yml:3:20: ", "regex is not a valid regular expression: Unclosed group");
    }

    @Test
    void unknownChannelInTheBotAndInACondition() {
        List<String> problems = problems("""
                bot: b
                channels: [sms-main, sms-mian]
                rules:
                  - when: { channel: room-43 }
                    then: [{reply: hi}]
                """);
        assertTrue(problems.get(0).startsWith("bot.yml:2:11: unknown channel 'sms-mian'"), problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:4:22: unknown channel 'room-43'"), problems.toString());
    }

    @Test
    void templateWithAnUnknownVariableOrCapture() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - when: { regex: 'order (?<number>\\d+)' }
                    then:
                      - reply: "Order {{match.nubmer}}"
                  - then:
                      - reply: "Hi {{sender.nmae}} {{user}}"
                """);
        assertTrue(problems.get(0).startsWith("bot.yml:5:16: reply: {{match.nubmer}}: no regex of this rule has a group named 'nubmer'; it has [number]"),
                problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:7:16: reply: {{sender.nmae}}: 'sender' has id, name, role and opted-out"),
                problems.toString());
    }

    @Test
    void everyUnknownVariableOfATemplateIsReported() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - when: { regex: 'order (?<number>\\d+)' }
                    then:
                      - reply: "Hi {{sender.nmae}}, order {{match.nubmer}} for {{user}} is {{state.status | on its way}}"
                """);
        assertEquals(List.of(
                "bot.yml:5:16: reply: {{sender.nmae}}: 'sender' has id, name, role and opted-out",
                "bot.yml:5:16: reply: {{match.nubmer}}: no regex of this rule has a group named 'nubmer'; it has [number]",
                "bot.yml:5:16: reply: {{user}}: unknown variable 'user'; known: " + TemplateScope.ROOTS), problems);
    }

    @Test
    void templateVariablesDependOnTheEventFamily() {
        assertProblem("""
                bot: b
                rules:
                  - on: presence.online
                    then: [{reply: "you said {{text}}"}]
                """, "bot.yml:4:20: ", "'text' exists only for messages");
        assertProblem("""
                bot: b
                rules:
                  - then: [{reply: "{{event.colour}}"}]
                """, "bot.yml:3:20: ", "a message event has no field 'colour'");
    }

    @Test
    void unclosedPlaceholder() {
        assertProblem("""
                bot: b
                rules:
                  - then: [{reply: "Hi {{sender.name"}]
                """, "bot.yml:3:20: ", "never closed");
    }

    @Test
    void wrongTypes() {
        List<String> problems = problems("""
                bot: [b]
                rules:
                  - when: { keywords: {hello: 1} }
                    then: [{reply: hi}]
                    continue: "yes please"
                  - when: hello
                    then: {reply: hi}
                """);
        assertTrue(problems.get(0).startsWith("bot.yml:1:6: bot must be a non-empty text, not a list"), problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:3:23: keywords must be a text or a list of texts, not a mapping"), problems.toString());
        assertTrue(problems.get(2).startsWith("bot.yml:5:15: continue must be true or false, not the text 'yes please'"), problems.toString());
        assertTrue(problems.get(3).startsWith("bot.yml:6:11: 'when' (and every all/any/not item) must be a mapping"), problems.toString());
        assertTrue(problems.get(4).startsWith("bot.yml:7:11: 'then' must be a list of actions"), problems.toString());
    }

    @Test
    void priorityIsAWholeNumber() {
        assertEquals(-5, Bots.parse("bot: b\npriority: -5\nrules:\n  - then: []\n").priority());
        assertEquals(0, Bots.parse("bot: b\nrules:\n  - then: []\n").priority());
        for (String wrong : List.of("high", "1.5", "5000")) {
            List<String> problems = problems("bot: b\npriority: " + wrong + "\nrules:\n  - then: []\n");
            assertTrue(problems.get(0).startsWith("bot.yml:2:11: priority must be a whole number from -1000 to 1000"),
                    problems.toString());
        }
    }

    @Test
    void unreachableRuleAfterACatchAll() {
        assertProblem("""
                bot: b
                rules:
                  - name: fallback
                    then: [{reply: "?"}]
                  - name: greeting
                    when: { keywords: [hello] }
                    then: [{reply: hi}]
                """, "bot.yml:5:5: ", "rule 'greeting' can never fire: rule 'fallback' at line 3 answers every message event");
    }

    @Test
    void aCatchAllForOneEventTypeDoesNotHideOtherTypes() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - on: presence.online
                    then: [{send: {channel: sms-main, to: "+1", text: "welcome back"}}]
                  - on: presence.offline
                    then: [{send: {channel: sms-main, to: "+1", text: "bye"}}]
                  - then: [{reply: "a message"}]
                """);
        assertEquals(3, bot.ruleCount());
        assertProblem("""
                bot: b
                rules:
                  - on: presence
                    then: []
                  - on: presence.offline
                    then: []
                """, "bot.yml:5:5: ", "can never fire");
    }

    @Test
    void unknownTriggerKindDayZoneAndDuplicateNames() {
        List<String> problems = problems("""
                bot: b
                timezone: Mars/Olympus
                rules:
                  - name: a
                    on: presence.sleeping
                    when:
                      kind: hologram
                      time: { between: "9-17", days: [mon, funday] }
                    then: [{reply: hi}]
                  - name: a
                    on: [presence.online, meeting.started]
                    then: [{reply: hi}]
                """);
        String all = String.join("\n", problems);
        assertTrue(all.contains("bot.yml:2:11: unknown time zone 'Mars/Olympus'"), all);
        assertTrue(all.contains("bot.yml:5:9: on: presence has no type 'sleeping'"), all);
        assertTrue(all.contains("bot.yml:7:13: unknown kind 'hologram'"), all);
        assertTrue(all.contains("bot.yml:8:24: time.between must be like"), all);
        assertTrue(all.contains("bot.yml:8:38: unknown day 'funday'"), all);
        assertTrue(all.contains("bot.yml:10:5: the rule name 'a' is already used at line 4"), all);
        assertTrue(all.contains("bot.yml:11:9: on: a rule answers one family of events"), all);
    }

    @Test
    void yamlSyntaxErrorsAndRepeatedKeysHaveALocation() {
        assertProblem("""
                bot: b
                rules:
                  - then: [{reply: hi}
                """, "bot.yml:3:11: ", "not valid YAML: while parsing a flow sequence started at line 3, column 11: "
                + "expected ',' or ']', but got <stream end> at line 4, column 1");
        assertProblem("""
                bot: b
                bot: c
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:2:1: ", "the key 'bot' is already set at line 1");
    }

    @Test
    void aBracketLeftOpenIsReportedWhereItOpensWithTheParsersWholeMessage() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - name: greeting
                    when:
                      phrase: [good morning]
                      keywords: [hello, hi
                    then:
                      - reply: hi
                """);
        assertEquals(List.of("bot.yml:6:17: not valid YAML: while parsing a flow sequence started at line 6, column 17: "
                + "expected ',' or ']', but got : at line 7, column 9"), problems);
        assertEquals(List.of("bot.yml:3:11: not valid YAML: while scanning a quoted scalar started at line 3, column 11: "
                + "found unexpected end of stream at line 5, column 1"), problems("""
                bot: b
                rules:
                  - then: "hi
                  - then: []
                """));
    }

    @Test
    void aLineIndentedWrongIsReportedWhereItIs() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - name: x
                    when:
                      keywords: [a]
                   then: [{reply: a}]
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bot.yml:6:4: not valid YAML: while parsing a block collection started at line 3,"
                + " column 3: expected <block end>, but found '<block mapping start>' at line 6, column 4"), problems.toString());
        assertEquals(List.of("bot.yml:3:1: not valid YAML: while scanning for the next token: found character '\\t(TAB)' "
                + "that cannot start any token. (Do not use \\t(TAB) for indentation) at line 3, column 1"),
                problems("bot: b\nrules:\n\t- then: []\n"));
    }

    @Test
    void aMisspeltConditionKeyIsOneMistakeNotAlsoACatchAllHidingTheRulesBelow() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - name: greeting
                    when:
                      keywrds: [hello]
                    then: [{reply: hi}]
                  - name: help
                    when: { keywords: [help] }
                    then: [{reply: "I can help"}]
                  - name: fallback
                    then: [{reply: "?"}]
                """);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bot.yml:5:7: unknown key 'keywrds' in a condition; did you mean 'keywords'?"),
                problems.toString());
        List<String> misspeltWhen = problems("""
                bot: b
                rules:
                  - name: greeting
                    wehn: { keywords: [hello] }
                    then: [{reply: hi}]
                  - name: fallback
                    then: [{reply: "?"}]
                """);
        assertEquals(1, misspeltWhen.size(), misspeltWhen.toString());
        assertTrue(misspeltWhen.get(0).startsWith("bot.yml:4:5: unknown key 'wehn' in a rule; did you mean 'when'?"),
                misspeltWhen.toString());
    }

    @Test
    void aRealCatchAllStillHidesTheRulesBelowEvenWhenTheyHaveMistakesOfTheirOwn() {
        List<String> problems = problems("""
                bot: b
                rules:
                  - name: fallback
                    then: [{reply: "?"}]
                  - name: greeting
                    when: { keywrds: [hello] }
                    then: [{reply: hi}]
                """);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(1).startsWith("bot.yml:5:5: rule 'greeting' can never fire"), problems.toString());
    }

    @Test
    void aMisspeltRequiredKeyIsNotAlsoReportedMissing() {
        List<String> bot = problems("bto: b\nrules:\n  - then: [{reply: hi}]\n");
        assertEquals(1, bot.size(), bot.toString());
        assertTrue(bot.get(0).startsWith("bot.yml:1:1: unknown key 'bto' in the bot; did you mean 'bot'?"), bot.toString());
        List<String> rules = problems("bot: b\nrule:\n  - then: [{reply: hi}]\n");
        assertEquals(1, rules.size(), rules.toString());
        assertTrue(rules.get(0).startsWith("bot.yml:2:1: unknown key 'rule' in the bot; did you mean 'rules'?"), rules.toString());
        List<String> then = problems("bot: b\nrules:\n  - thn: [{reply: hi}]\n");
        assertEquals(1, then.size(), then.toString());
        assertTrue(then.get(0).startsWith("bot.yml:3:5: unknown key 'thn' in a rule; did you mean 'then'?"), then.toString());
    }

    @Test
    void missingPieces() {
        List<String> problems = problems("""
                description: nothing else
                """);
        String all = String.join("\n", problems);
        assertTrue(all.contains("missing 'bot: <name>'"), all);
        assertTrue(all.contains("'rules' must be a non-empty list"), all);
        assertProblem("""
                bot: b
                rules:
                  - name: silent
                    when: { keywords: [quiet] }
                """, "bot.yml:3:5: ", "rule 'silent' has no 'then'");
    }
}
