package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index must never change which rule fires: for many messages, the bot answers exactly as trying every rule in
 * file order would.
 */
class RuleIndexTest {

    private static final String[] WORDS = {"order", "Order", "ORDER", "refund", "café", "cafe", "help", "12", "42", "#7",
            "good", "morning", "  ", "!", "stop", "ſtop", "order_42", "orders", "KELVIN", "status", "né", "-", "x"};

    @Test
    void indexedMatchingAnswersExactlyLikeTryingEveryRule() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - when: { regex: '^order\\s+42\\s+#(?<n>\\d+)' }
                    then: [{reply: "order42 {{match.n}}"}]
                  - when: { keywords: [good morning, cafe] }
                    then: [{reply: greeting}]
                  - when: { regex: '\\border\\b' }
                    then: [{reply: "order word"}]
                  - when: { phrase: [stop] }
                    then: [{reply: stopped}]
                  - when: { any: [{keywords: [refund]}, {regex: '^status\\b'}] }
                    then: [{reply: "refund or status"}]
                  - when: { all: [{keywords: [help]}, {not: {keywords: [morning]}}] }
                    then: [{reply: help}]
                  - when: { regex: 'orders?' }
                    then: [{reply: "order-ish"}]
                  - when: { not: { keywords: [x] } }
                    then: [{reply: "no x"}]
                """);
        assertTrue(bot.unindexedRuleCount() <= 2, "only the regex without words and the 'not' rule are tried always");
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder text = new StringBuilder();
            int words = random.nextInt(5);
            for (int w = 0; w < words; w++) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextBoolean() ? " " : "");
            }
            Bots.Outcome indexed = Bots.run(bot, Bots.message(text.toString()));
            assertEquals(linear(bot, text.toString()), indexed.actions(), "for '" + text + "'");
        }
    }

    @Test
    void tenThousandRulesFindTheRightOneAndFirstMatchWins() {
        BotDefinition bot = Bots.parse(RuleFiles.generated(10_000));
        assertEquals(0, bot.unindexedRuleCount());
        assertEquals("keyword 4321", Bots.reply(RuleFiles.generated(10_000), "so kw4321 please"));
        assertEquals("order 4777 #991", Bots.run(bot, Bots.message("order 4777 #991")).reply());
        assertEquals(linear(bot, "order 12 #5 and kw3"), Bots.run(bot, Bots.message("order 12 #5 and kw3")).actions());
    }

    private static List<Action> linear(BotDefinition bot, String text) {
        TurnFacts facts = TurnFacts.of(Bots.message(text), "sms-gateway", new HashMap<>(), Bots.NOON_UTC_MONDAY);
        List<Action> actions = new ArrayList<>();
        for (Rule rule : bot.rules()) {
            Map<String, String> captures = new HashMap<>();
            if (rule.trigger().matches(facts.event()) && rule.condition().test(facts, captures)) {
                bot.fire(rule, facts, captures, new HashMap<>(), actions);
                if (!rule.continueAfter()) {
                    break;
                }
            }
        }
        return actions;
    }
}
