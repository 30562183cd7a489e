package io.hookbot.bot.rules;

import io.hookbot.api.ScheduleFired;
import io.hookbot.api.Action;
import io.hookbot.api.Send;
import io.hookbot.bot.guard.FiredRuleGate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code on: schedule} from YAML: cron, every, zone, what such a rule may contain, and its firing. */
class ScheduleRulesTest {

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
    void cronEveryAndZoneAreRead() {
        BotDefinition bot = Bots.parse("""
                bot: b
                timezone: Asia/Manila
                rules:
                  - name: morning
                    on: schedule
                    cron: "0 9 * * MON-FRI"
                    zone: Europe/Paris
                    then: [{plugin: announcer}]
                  - name: quarterly
                    on: schedule
                    every: 15m
                    then: []
                """);
        Map<String, Schedule> schedules = bot.schedules();
        assertEquals(List.of("morning", "quarterly"), List.copyOf(schedules.keySet()),
                "a second schedule rule without conditions is not shadowed by the first");
        Schedule morning = schedules.get("morning");
        assertEquals(ZoneId.of("Europe/Paris"), morning.zone());
        // Friday 10:00 in Paris (summer time): the next 9:00 on a weekday is Monday's, 07:00 UTC
        assertEquals(Instant.parse("2024-05-13T07:00:00Z"), morning.next(Instant.parse("2024-05-10T08:00:00Z")));
        Schedule quarterly = schedules.get("quarterly");
        assertEquals(ZoneId.of("Asia/Manila"), quarterly.zone(), "the bot's time zone by default");
        assertEquals(Instant.parse("2024-05-10T08:15:00Z"), quarterly.next(Instant.parse("2024-05-10T08:00:00Z")));
        assertEquals(Instant.parse("2024-05-10T08:15:00Z"), quarterly.next(Instant.parse("2024-05-10T08:14:59Z")));
    }

    @Test
    void cronAndEveryTogetherFireOnBoth() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - name: both
                    on: schedule
                    cron: "30 9 * * *"
                    every: 6h
                    zone: UTC
                    then: []
                """);
        Schedule both = bot.schedules().get("both");
        assertEquals(Instant.parse("2024-05-10T09:30:00Z"), both.next(Instant.parse("2024-05-10T07:00:00Z")));
        assertEquals(Instant.parse("2024-05-10T12:00:00Z"), both.next(Instant.parse("2024-05-10T09:30:00Z")));
        assertEquals("cron 30 9 * * * every 6h UTC", both.spec());
    }

    @Test
    void aScheduleRuleFiresItsActionsWithBotAndNow() {
        BotDefinition bot = Bots.parse("""
                bot: reminders
                rules:
                  - name: standup
                    on: schedule
                    every: 1d
                    then:
                      - plugin: announcer
                        with: { text: "{{bot}} at {{now.time}}" }
                """);
        List<Map<String, String>> handedOver = new ArrayList<>();
        Instant now = Instant.parse("2024-05-06T09:15:00Z");
        List<Action> actions = bot.answer(Evaluation.of(new ScheduleFired("reminders", "standup", "every 1d", now, now),
                null, now, Map.of()).with((PluginHandoff) (plugin, parameters, captures, state) -> {
                    handedOver.add(parameters);
                    return List.of(Send.text("sms-main", "+1555", parameters.get("text")));
                })).actions();
        assertEquals(List.of(Map.of("text", "reminders at 09:15")), handedOver);
        assertEquals(List.of(Send.text("sms-main", "+1555", "reminders at 09:15")), actions);
    }

    @Test
    void aScheduleRuleNeverAnswersEvents() {
        BotDefinition bot = Bots.parse("""
                bot: b
                rules:
                  - on: schedule
                    every: 1h
                    then: []
                  - then: [{reply: "hi"}]
                """);
        assertEquals("hi", Bots.run(bot, Bots.message("hello")).reply());
    }

    @Test
    void mistakesAreReportedWithTheirPlace() {
        assertProblem("""
                bot: b
                rules:
                  - name: s
                    on: schedule
                    then: []
                """, "bot.yml:3:5: ", "a schedule rule needs cron: \"0 9 * * MON-FRI\" or every: 15m");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    cron: "0 25 * * *"
                    then: []
                """, "bot.yml:4:11: ", "cron: '0 25 * * *' is not a cron expression");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    every: 10s
                    then: []
                """, "bot.yml:4:12: ", "every must be a duration of at least a minute");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    every: 1h
                    zone: Mars/Olympus
                    then: []
                """, "bot.yml:5:11: ", "unknown time zone 'Mars/Olympus'");
        assertProblem("""
                bot: b
                rules:
                  - on: message
                    cron: "0 9 * * *"
                    then: [{reply: hi}]
                """, "bot.yml:4:5: ", "'cron' belongs to schedule rules (on: schedule)");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    every: 1h
                    when: { keywords: [x] }
                    then: []
                """, "bot.yml:5:11: ", "a schedule rule has no event to test");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    every: 1h
                    then: [{reply: hi}]
                """, "bot.yml:5:11: ", "a schedule rule has no conversation: it cannot reply, set, clear or hand off");
        assertProblem("""
                bot: b
                rules:
                  - on: schedule
                    every: 1h
                    then: [{plugin: announcer, with: {who: "{{sender.name}}"}}]
                """, "bot.yml:5:", "a schedule rule answers no event and has no conversation: it knows only bot, now and "
                + "opted-out.<to>@<channel>");
    }

    @Test
    void everyIsCountedFromTheEpochSoAllInstancesAgree() {
        Schedule every = new Schedule(null, null, Duration.ofMinutes(15), ZoneId.of("UTC"));
        assertEquals(Instant.parse("2024-05-06T00:00:00Z"), every.next(Instant.parse("2024-05-05T23:59:59Z")));
    }
}
