package io.hookbot.bot.rules;

import io.hookbot.bot.guard.Cooldown;
import io.hookbot.bot.guard.Durations;
import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.guard.QuietHours;
import io.hookbot.bot.rules.yaml.YamlNode;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a {@code guardrails:} mapping, of a bot (over the defaults) or of a rule (over its bot's): {@code ignore-self},
 * {@code self}, {@code ignore-bots}, {@code bots}, {@code replies-per-minute}, {@code quiet-hours}, {@code cooldown},
 * {@code per}. A key left out keeps the value it is written over; {@code off} switches the cap, the quiet hours or the
 * cooldown off.
 */
final class GuardrailsParser {

    static final Set<String> KEYS = Set.of("ignore-self", "self", "ignore-bots", "bots", "replies-per-minute",
            "quiet-hours", "cooldown", "per");
    private static final Set<String> QUIET_KEYS = Set.of("from", "to", "zone");
    private static final Pattern CLOCK = Pattern.compile("\\d{1,2}:\\d{2}");

    private final Problems problems;
    private final ZoneId botZone;

    GuardrailsParser(Problems problems, ZoneId botZone) {
        this.problems = problems;
        this.botZone = botZone;
    }

    /**
     * @param node the {@code guardrails:} value
     * @param base the guardrails it is written over
     * @return the guardrails in force
     */
    Guardrails parse(YamlNode node, Guardrails base) {
        YamlNode.Mapping mapping = YamlValues.mapping(node, "guardrails", problems).orElse(null);
        if (mapping == null) {
            return base;
        }
        YamlValues.onlyKeys(mapping, KEYS, "guardrails", problems);
        boolean ignoreSelf = mapping.get("ignore-self").flatMap(n -> YamlValues.bool(n, "ignore-self", problems))
                .orElse(base.ignoreSelf());
        Set<String> self = mapping.get("self").map(n -> ids(n, "self")).orElse(base.selfIds());
        boolean ignoreBots = mapping.get("ignore-bots").flatMap(n -> YamlValues.bool(n, "ignore-bots", problems))
                .orElse(base.ignoreBots());
        Set<String> bots = mapping.get("bots").map(n -> ids(n, "bots")).orElse(base.botIds());
        int cap = mapping.get("replies-per-minute").map(this::cap).orElse(base.repliesPerMinute());
        QuietHours quiet = mapping.get("quiet-hours").map(this::quietHours).orElse(base.quietHours());
        Cooldown cooldown = cooldown(mapping, base.cooldown());
        return new Guardrails(ignoreSelf, self, ignoreBots, bots, cap, quiet == null || quiet.from() == null ? null : quiet,
                cooldown);
    }

    private Set<String> ids(YamlNode node, String what) {
        return new LinkedHashSet<>(YamlValues.texts(node, what, problems));
    }

    private int cap(YamlNode node) {
        String text = YamlValues.text(node, "replies-per-minute", problems).orElse("").trim();
        if (isOff(text)) {
            return 0;
        }
        try {
            int cap = Integer.parseInt(text);
            if (cap >= 1 && cap <= 10_000) {
                return cap;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(node, "replies-per-minute must be a number from 1 to 10000, or off; not '" + text + "'");
        return Guardrails.DEFAULT_REPLIES_PER_MINUTE;
    }

    /** The quiet hours, or one with a {@code null} start for {@code off} (the caller turns it into none). */
    private QuietHours quietHours(YamlNode node) {
        QuietHours off = new QuietHours(null, null, botZone);
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull() && isOff(scalar.text())) {
            return off;
        }
        YamlNode.Mapping mapping = YamlValues.mapping(node, "quiet-hours (or off)", problems).orElse(null);
        if (mapping == null) {
            return off;
        }
        YamlValues.onlyKeys(mapping, QUIET_KEYS, "quiet-hours", problems);
        LocalTime from = mapping.get("from").map(n -> clock(n, "quiet-hours.from")).orElse(null);
        LocalTime to = mapping.get("to").map(n -> clock(n, "quiet-hours.to")).orElse(null);
        if (mapping.get("from").isEmpty() || mapping.get("to").isEmpty()) {
            problems.add(node, "quiet-hours needs both from: and to:, such as {from: \"22:00\", to: \"07:00\"}");
        }
        ZoneId zone = mapping.get("zone").flatMap(n -> YamlValues.text(n, "quiet-hours.zone", problems).map(t -> zone(n, t)))
                .orElse(botZone);
        if (from == null || to == null) {
            return off;
        }
        if (from.equals(to)) {
            problems.add(node, "quiet-hours starts and ends at the same time; write off for no quiet hours");
            return off;
        }
        return new QuietHours(from, to, zone);
    }

    private LocalTime clock(YamlNode node, String what) {
        String text = YamlValues.text(node, what, problems).orElse("").trim();
        try {
            if (CLOCK.matcher(text).matches()) {
                return LocalTime.parse(text.length() == 4 ? "0" + text : text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        problems.add(node, what + " must be a time of day HH:MM such as \"22:00\", not '" + text + "'");
        return null;
    }

    private ZoneId zone(YamlNode node, String text) {
        return YamlValues.zone(node, text, problems, botZone);
    }

    private Cooldown cooldown(YamlNode.Mapping mapping, Cooldown base) {
        Optional<YamlNode> lengthNode = mapping.get("cooldown");
        Optional<YamlNode> perNode = mapping.get("per");
        Cooldown.Per per = perNode.map(this::per).orElse(base == null ? Cooldown.Per.USER : base.per());
        if (lengthNode.isEmpty()) {
            if (perNode.isPresent() && base == null) {
                problems.add(perNode.get(), "per: says what a cooldown counts for, but there is no cooldown; "
                        + "add cooldown: 6h (or another duration)");
            }
            return base == null ? null : new Cooldown(base.length(), per);
        }
        String text = YamlValues.text(lengthNode.get(), "cooldown", problems).orElse("").trim();
        if (isOff(text)) {
            return null;
        }
        return Durations.parse(text).map(length -> new Cooldown(length, per)).orElseGet(() -> {
            problems.add(lengthNode.get(), "cooldown must be a duration such as 90s, 15m, 6h or 2d, or off; not '"
                    + text + "'");
            return null;
        });
    }

    private Cooldown.Per per(YamlNode node) {
        String text = YamlValues.text(node, "per", problems).orElse("").trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(Cooldown.Per.values()).filter(p -> p.written().equals(text)).findFirst().orElseGet(() -> {
            problems.add(node, "per must be user, conversation or rule, not '" + text + "'");
            return Cooldown.Per.USER;
        });
    }

    private static boolean isOff(String text) {
        return text.trim().equalsIgnoreCase("off");
    }
}
