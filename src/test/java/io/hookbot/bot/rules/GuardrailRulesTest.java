package io.hookbot.bot.rules;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.MessageKind;
import io.hookbot.api.Reply;
import io.hookbot.api.User;
import io.hookbot.bot.guard.Cooldown;
import io.hookbot.bot.guard.FiredRuleGate;
import io.hookbot.bot.guard.FiredRule;
import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.guard.StaticGuards;
import io.hookbot.bot.guard.Blocked;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code guardrails:} from YAML to behaviour: defaults, bot and rule levels, every key and its mistakes, and what a
 * blocked rule does (nothing, and the rules below are not tried). The guardrails that need no history are applied
 * here as the server applies them; the counted ones are tested over a database in {@code bot.guard}.
 */
class GuardrailRulesTest {

    /** The guardrails that need no history, as the server's gate applies them. */
    static final FiredRuleGate STATIC = new FiredRuleGate() {
        @Override
        public Optional<Blocked> check(FiredRule firing) {
            return StaticGuards.check(firing, Set.of("+15550100"));
        }

        @Override
        public void fired(FiredRule firing, int messages) {
        }
    };

    private static Rule rule(BotDefinition bot, String name) {
        return bot.rules().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> run(BotDefinition bot, Event event, Instant now, List<String> matched) {
        Outcome outcome = bot.answer(Evaluation.of(event, "sms-gateway", now, Map.of()).with(STATIC));
        matched.addAll(outcome.matched());
        return outcome.actions().stream().filter(a -> a instanceof Reply).map(a -> ((Reply) a).text()).toList();
    }

    private static List<String> replies(BotDefinition bot, User sender) {
        return run(bot, Bots.message("sms-main", sender, "hello", MessageKind.TEXT), Bots.NOON_UTC_MONDAY, new ArrayList<>());
    }

    private static List<String> problems(String yaml) {
        return assertThrows(RuleFileException.class, () -> Bots.parse(yaml)).problems().stream()
                .map(Problem::toString).toList();
    }

    private static void assertProblem(String yaml, String start, String text) {
        List<String> problems = problems(yaml);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(start) && p.contains(text)),
                "expected " + start + " … " + text + " in " + problems);
    }

    @Test
    void guardrailsAreOnByDefault() {
        BotDefinition bot = Bots.parse("bot: b\nrules:\n  - then: [{reply: hi}]\n");
        assertEquals(Guardrails.DEFAULTS, rule(bot, "rule-1").guardrails());
        assertEquals(List.of(), replies(bot, new User("helper", "Helper", "bot")), "another bot is not answered");
        assertEquals(List.of(), replies(bot, User.of("+15550100")), "the channel's own number is not answered");
        assertEquals(List.of("hi"), replies(bot, User.of("+15550001")));
    }

    @Test
    void theBotsGuardrailsApplyToEveryRuleAndARuleOverridesThem() {
        BotDefinition bot = Bots.parse("""
                bot: b
                timezone: Europe/Paris
                guardrails:
                  self: [bot-7]
                  bots: [helper-3]
                  replies-per-minute: 4
                  quiet-hours: { from: "22:00", to: "07:00" }
                  cooldown: 2h
                  per: conversation
                rules:
                  - name: urgent
                    when: { keywords: [urgent] }
                    guardrails: { quiet-hours: off, ignore-bots: false, replies-per-minute: off, per: rule }
                    then: [{reply: "on it"}]
                  - name: other
                    then: [{reply: "tomorrow"}]
                """);
        Guardrails other = rule(bot, "other").guardrails();
        assertEquals(Set.of("bot-7"), other.selfIds());
        assertEquals(Set.of("helper-3"), other.botIds());
        assertEquals(4, other.repliesPerMinute());
        assertEquals(LocalTime.of(22, 0), other.quietHours().from());
        assertEquals(ZoneId.of("Europe/Paris"), other.quietHours().zone(), "the bot's time zone by default");
        assertEquals(new Cooldown(Duration.ofHours(2), Cooldown.Per.CONVERSATION), other.cooldown());

        Guardrails urgent = rule(bot, "urgent").guardrails();
        assertNull(urgent.quietHours());
        assertEquals(false, urgent.ignoreBots());
        assertEquals(0, urgent.repliesPerMinute());
        assertEquals(new Cooldown(Duration.ofHours(2), Cooldown.Per.RULE), urgent.cooldown(), "per: alone keeps the length");
        assertEquals(Set.of("bot-7"), urgent.selfIds());
    }

    @Test
    void aBlockedRuleDoesNothingAndTheRulesBelowItAreNotTried() {
        BotDefinition bot = Bots.parse("""
                bot: b
                guardrails:
                  quiet-hours: { from: "22:00", to: "07:00", zone: Europe/Paris }
                rules:
                  - name: closed
                    when: { keywords: [hello] }
                    then: [{reply: "closed"}]
                  - name: fallback
                    then: [{reply: "fallback"}]
                """);
        Instant parisMidnight = Instant.parse("2024-05-06T22:30:00Z");
        List<String> matched = new ArrayList<>();
        assertEquals(List.of(), run(bot, Bots.message("hello"), parisMidnight, matched));
        assertEquals(List.of("b/closed (blocked by quiet-hours)"), matched);
        assertEquals(List.of("closed"), run(bot, Bots.message("hello"), Bots.NOON_UTC_MONDAY, new ArrayList<>()));
    }

    @Test
    void quietHoursHoldOnlyRulesThatCanSend() {
        BotDefinition bot = Bots.parse("""
                bot: b
                guardrails: { quiet-hours: { from: "00:00", to: "23:59", zone: UTC } }
                rules:
                  - name: remember
                    then: [{set: {seen: "yes"}}]
                """);
        List<String> matched = new ArrayList<>();
        run(bot, Bots.message("hi"), Bots.NOON_UTC_MONDAY, matched);
        assertEquals(List.of("b/remember"), matched);
    }

    @Test
    void aRuleMayAnswerOtherBotsAndTheBotListsItsOwnIds() {
        BotDefinition bot = Bots.parse("""
                bot: b
                guardrails: { self: [me-1] }
                rules:
                  - name: bots-welcome
                    when: { role: bot }
                    guardrails: { ignore-bots: false }
                    then: [{reply: "hello fellow bot"}]
                """);
        assertEquals(List.of("hello fellow bot"), replies(bot, new User("helper", null, "bot")));
        assertEquals(List.of(), replies(bot, new User("me-1", null, "bot")), "its own id is still ignored");
    }

    @Test
    void vcaasSystemActorsCountAsBots() {
        BotDefinition bot = Bots.parse("bot: b\nrules:\n  - then: [{reply: hi}]\n");
        assertEquals(List.of(), replies(bot, new User("system", null, "system")));
    }

    @Test
    void mistakesAreReportedWithTheirPlace() {
        assertProblem("""
                bot: b
                guardrails: { cooldwn: 6h }
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:2:15: ", "unknown key 'cooldwn' in guardrails; did you mean 'cooldown'?");
        assertProblem("""
                bot: b
                rules:
                  - guardrails: { cooldown: soon }
                    then: [{reply: hi}]
                """, "bot.yml:3:29: ", "cooldown must be a duration such as 90s, 15m, 6h or 2d, or off; not 'soon'");
        assertProblem("""
                bot: b
                rules:
                  - guardrails: { cooldown: 6h, per: person }
                    then: [{reply: hi}]
                """, "bot.yml:3:38: ", "per must be user, conversation or rule, not 'person'");
        assertProblem("""
                bot: b
                rules:
                  - guardrails: { per: user }
                    then: [{reply: hi}]
                """, "bot.yml:3:24: ", "there is no cooldown");
        assertProblem("""
                bot: b
                guardrails: { replies-per-minute: lots }
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:2:35: ", "replies-per-minute must be a number from 1 to 10000, or off");
        assertProblem("""
                bot: b
                guardrails:
                  quiet-hours: { from: "25:00", to: "07:00" }
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:3:24: ", "quiet-hours.from must be a time of day HH:MM");
        assertProblem("""
                bot: b
                guardrails:
                  quiet-hours: { from: "22:00" }
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:3:16: ", "quiet-hours needs both from: and to:");
        assertProblem("""
                bot: b
                guardrails: { ignore-bots: maybe }
                rules:
                  - then: [{reply: hi}]
                """, "bot.yml:2:28: ", "ignore-bots must be true or false");
    }

    @Test
    void theExplainerSaysWhichGuardrailBlockedARuleAndMentionsACooldown() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: once
                    when: { keywords: [hello] }
                    guardrails: { cooldown: 6h }
                    then: [{reply: "hi"}]
                  - name: fallback
                    then: [{reply: "?"}]
                """);
        RuleSet rules = new RuleSet(List.of(bot));
        List<RuleExplainer.Step> fromBot = RuleExplainer.explain(rules,
                Bots.message("sms-main", new User("helper", null, "bot"), "hello", MessageKind.TEXT), "sms-gateway",
                Bots.NOON_UTC_MONDAY, Map.of());
        assertEquals(RuleExplainer.Verdict.BLOCKED, fromBot.get(0).verdict());
        assertEquals("blocked by ignore-bots: 'helper' has the role 'bot'", fromBot.get(0).reason());
        assertEquals(RuleExplainer.Verdict.NOT_TRIED, fromBot.get(1).verdict());

        List<RuleExplainer.Step> fromUser = RuleExplainer.explain(rules, Bots.message("hello"), "sms-gateway",
                Bots.NOON_UTC_MONDAY, Map.of());
        assertEquals(RuleExplainer.Verdict.FIRED, fromUser.get(0).verdict());
        assertTrue(fromUser.get(0).reason().contains("cooldown 6h per user (not checked here: no history)"),
                fromUser.get(0).reason());
    }
}
