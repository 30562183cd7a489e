package io.hookbot.bot.rules;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.hookbot.bot.guard.Durations;
import io.hookbot.bot.rules.yaml.YamlNode;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * Reads the timing of an {@code on: schedule} rule: {@code cron: "0 9 * * MON-FRI"} (the five fields of Unix cron:
 * minute, hour, day of month, month, day of week), {@code every: 15m}, or both, and {@code zone:} (default: the bot's
 * {@code timezone}). Those keys belong to schedule rules only. Also checks what a schedule rule may contain: it
 * answers no event, so it has no conditions and nothing to reply to.
 */
final class ScheduleParser {

    /** The rule keys only a schedule rule has. */
    static final Set<String> KEYS = Set.of("cron", "every", "zone");
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final Problems problems;

    ScheduleParser(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param rule    the rule's mapping
     * @param trigger its trigger
     * @param botZone the bot's time zone
     * @return the schedule of a schedule rule, {@code null} for other rules (after reporting schedule keys there)
     */
    Schedule parse(YamlNode.Mapping rule, Trigger trigger, ZoneId botZone) {
        if (trigger.family() != Trigger.Family.SCHEDULE) {
            for (YamlNode.Entry entry : rule.entries()) {
                if (KEYS.contains(entry.key())) {
                    problems.add(entry.keyLocation(), "'" + entry.key() + "' belongs to schedule rules (on: schedule); "
                            + "this rule answers " + trigger + " events");
                }
            }
            return null;
        }
        String cronText = rule.get("cron").flatMap(n -> YamlValues.text(n, "cron", problems)).map(String::trim).orElse(null);
        Cron cron = rule.get("cron").filter(n -> cronText != null).map(n -> cron(n, cronText)).orElse(null);
        Duration every = rule.get("every").map(this::every).orElse(null);
        ZoneId zone = rule.get("zone").flatMap(n -> YamlValues.text(n, "zone", problems).map(t -> zone(n, t))).orElse(botZone);
        if (rule.get("cron").isEmpty() && rule.get("every").isEmpty()) {
            problems.add(rule, "a schedule rule needs cron: \"0 9 * * MON-FRI\" or every: 15m (or both) to say when "
                    + "it fires");
            return null;
        }
        if (cron == null && every == null) {
            return null;
        }
        return new Schedule(cron == null ? null : cronText, cron, every, zone);
    }

    /**
     * Reports what a schedule rule cannot have: conditions, and actions that need a conversation.
     *
     * @param rule    the rule's mapping
     * @param actions its actions
     */
    void checkContents(YamlNode.Mapping rule, List<RuleAction> actions) {
        rule.get("when").ifPresent(when -> problems.add(when, "a schedule rule has no event to test: leave 'when' "
                + "out and choose the times with cron: (which can name days and hours)"));
        rule.get("then").ifPresent(then -> {
            for (RuleAction action : actions) {
                if (action instanceof RuleAction.ReplyAction || action instanceof RuleAction.SetAction
                        || action instanceof RuleAction.ClearAction || action instanceof RuleAction.HandOffAction) {
                    problems.add(then, "a schedule rule has no conversation: it cannot reply, set, clear or hand off; "
                            + "send to a channel and recipient, or hand over to a plugin");
                    return;
                }
            }
        });
    }

    private Cron cron(YamlNode node, String text) {
        try {
            Cron cron = CRON.parse(text);
            cron.validate();
            return cron;
        } catch (IllegalArgumentException e) {
            problems.add(node, "cron: '" + text + "' is not a cron expression (minute hour day-of-month month "
                    + "day-of-week, such as \"0 9 * * MON-FRI\"): " + e.getMessage());
            return null;
        }
    }

    private Duration every(YamlNode node) {
        String text = YamlValues.text(node, "every", problems).orElse("").trim();
        Duration every = Durations.parse(text).orElse(null);
        if (every == null || every.compareTo(SHORTEST) < 0) {
            problems.add(node, "every must be a duration of at least a minute, such as 15m, 6h or 1d; not '" + text + "'");
            return null;
        }
        return every;
    }

    private ZoneId zone(YamlNode node, String text) {
        return YamlValues.zone(node, text, problems, null);
    }
}
