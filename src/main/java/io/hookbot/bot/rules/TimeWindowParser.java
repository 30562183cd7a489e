package io.hookbot.bot.rules;

import io.hookbot.bot.rules.yaml.YamlNode;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code time: {between: "09:00-17:00", days: mon-fri, zone: Europe/Paris}}. Days are written as names
 * ({@code mon}, {@code monday}), ranges ({@code mon-fri}, {@code fri-mon}), lists of those, or {@code weekdays} /
 * {@code weekend}.
 */
final class TimeWindowParser {

    private static final Set<String> KEYS = Set.of("between", "days", "zone");
    private static final Pattern BETWEEN = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

    private final Problems problems;
    private final ZoneId defaultZone;

    TimeWindowParser(Problems problems, ZoneId defaultZone) {
        this.problems = problems;
        this.defaultZone = defaultZone;
    }

    Condition parse(YamlNode node) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "time", problems).orElse(null);
        if (mapping == null) {
            return null;
        }
        YamlValues.onlyKeys(mapping, KEYS, "time", problems);
        ZoneId zone = mapping.get("zone").flatMap(z -> YamlValues.text(z, "time.zone", problems).map(t -> zone(z, t)))
                .orElse(defaultZone);
        LocalTime from = null;
        LocalTime to = null;
        String text = "";
        YamlNode between = mapping.get("between").orElse(null);
        if (between != null) {
            String value = YamlValues.text(between, "time.between", problems).orElse("");
            Matcher m = BETWEEN.matcher(value);
            try {
                if (!m.matches()) {
                    throw new DateTimeParseException("no HH:MM-HH:MM", value, 0);
                }
                from = LocalTime.parse(pad(m.group(1)));
                to = LocalTime.parse(pad(m.group(2)));
                text = value.trim();
                if (from.equals(to)) {
                    problems.add(between, "time.between starts and ends at the same time; leave it out for the whole day");
                }
            } catch (DateTimeParseException e) {
                problems.add(between, "time.between must be like \"09:00-17:30\" (24-hour clock), not '" + value + "'");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        YamlNode daysNode = mapping.get("days").orElse(null);
        if (daysNode != null) {
            for (String part : YamlValues.texts(daysNode, "time.days", problems)) {
                days(daysNode, part, days);
            }
            text = (text + " " + String.join(",", YamlValues.texts(daysNode, "time.days", new Problems()))).trim();
        }
        if (between == null && daysNode == null) {
            problems.add(node, "time needs 'between', 'days' or both");
        }
        return new TurnCondition.TimeWindow(zone, from, to, Set.copyOf(days.isEmpty() ? Set.of() : days), text);
    }

    private ZoneId zone(YamlNode node, String text) {
        return YamlValues.zone(node, text, problems, defaultZone);
    }

    private void days(YamlNode node, String text, Set<DayOfWeek> days) {
        for (String part : text.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.equals("weekdays")) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            } else if (p.equals("weekend")) {
                days.addAll(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            } else if (p.contains("-")) {
                DayOfWeek first = day(node, p.substring(0, p.indexOf('-')).trim());
                DayOfWeek last = day(node, p.substring(p.indexOf('-') + 1).trim());
                if (first != null && last != null) {
                    for (DayOfWeek d = first; ; d = d.plus(1)) {
                        days.add(d);
                        if (d == last) {
                            break;
                        }
                    }
                }
            } else {
                DayOfWeek day = day(node, p);
                if (day != null) {
                    days.add(day);
                }
            }
        }
    }

    private DayOfWeek day(YamlNode node, String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            if (name.length() >= 3 && full.startsWith(name) && (name.length() == 3 || name.equals(full))) {
                return day;
            }
        }
        problems.add(node, "unknown day '" + name + "'; use mon, tue, wed, thu, fri, sat, sun (or full names), "
                + "ranges like mon-fri, weekdays or weekend");
        return null;
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }
}
