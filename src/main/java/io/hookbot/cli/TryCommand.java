package io.hookbot.cli;

import io.hookbot.api.Action;
import io.hookbot.api.PresenceChanged;
import io.hookbot.api.Reply;
import io.hookbot.api.Send;
import io.hookbot.api.User;
import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.Problem;
import io.hookbot.bot.rules.RuleExplainer;
import io.hookbot.bot.rules.RuleFileException;
import io.hookbot.bot.rules.RuleFileParser;
import io.hookbot.bot.rules.RuleFolder;
import io.hookbot.bot.rules.RuleSet;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.channel.Platforms;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code try PATH [options] TEXT…}: feeds one message or event to the rules of a folder or file and prints, rule by
 * rule, which fired and what it did, which failed and on what condition, and which were not tried.
 */
final class TryCommand {

    private final PrintStream out;

    TryCommand(PrintStream out) {
        this.out = out;
    }

    int run(Arguments args) {
        if (args.positional().isEmpty()) {
            throw new UsageException("try needs a rule folder or file, then the message text");
        }
        Path path = Path.of(args.positional().get(0));
        boolean message = args.option("event") == null || args.option("event").equalsIgnoreCase("message");
        if (message && args.positional().size() < 2) {
            throw new UsageException("try needs the message's text after " + path + " (or --event TYPE for another event)");
        }
        if (!message && args.positional().size() > 1) {
            throw new UsageException("only a message has a text; --event " + args.option("event") + " takes none, not '"
                    + String.join(" ", args.positional().subList(1, args.positional().size())) + "'");
        }
        Instant at = instant(args.option("at"));
        Platforms platforms = ConfiguredChannels.platforms(args.option("config"));
        RuleSet rules;
        try {
            rules = load(path, platforms);
        } catch (RuleFileException e) {
            e.problems().stream().map(Problem::toString).forEach(out::println);
            return Cli.MISTAKES;
        }
        Map<String, String> configured = ConfiguredChannels.load(args.option("config"));
        String channel = args.option("channel") != null ? args.option("channel")
                : rules.bots().stream().flatMap(b -> b.channels().stream()).findFirst()
                .orElse(configured.keySet().stream().findFirst().orElse("sms-main"));
        String platform = args.option("platform") != null ? args.option("platform") : configured.get(channel);
        String text = String.join(" ", args.positional().subList(1, args.positional().size()));
        TryEvent event = TryEvent.from(args, channel, text, at);
        out.println("event: " + event.description() + " on " + channel + " (" + (platform == null ? "unknown platform" : platform)
                + ") at " + at);
        List<RuleExplainer.Step> steps = RuleExplainer.explain(rules, event.event(), platform, at, args.pairs("state"),
                lookups(args, channel, at));
        String bot = null;
        int fired = 0;
        Set<String> answering = new LinkedHashSet<>();
        for (RuleExplainer.Step step : steps) {
            if (!step.bot().equals(bot)) {
                bot = step.bot();
                int priority = priority(rules, bot);
                out.println("bot " + bot + (priority == 0 ? "" : " (priority " + priority + ")"));
            }
            if (step.actions().stream().anyMatch(a -> a instanceof Reply || a instanceof Send)) {
                answering.add(step.bot());
            }
            String mark = switch (step.verdict()) {
                case FIRED -> "FIRED  ";
                case FAILED -> "no     ";
                case BLOCKED -> "BLOCKED";
                case NOT_TRIED -> "skipped";
            };
            out.println("  " + mark + " " + step.rule() + " (" + step.location() + ")"
                    + (step.reason().isEmpty() ? "" : ": " + step.reason()));
            for (Action action : step.actions()) {
                out.println("            " + ActionText.of(action));
            }
            fired += step.verdict() == RuleExplainer.Verdict.FIRED ? 1 : 0;
        }
        out.println(fired == 0 ? "no rule fired: the bot stays silent" : fired + " rule(s) fired");
        if (answering.size() > 1) {
            out.println("note: " + answering.size() + " bots answer this " + (message(event) ? "message" : "event") + " on "
                    + channel + " (" + String.join(", ", answering) + "), and all their answers go out; give the one that "
                    + "should answer first a higher priority: (docs/rules.md, How bots and rules are tried)");
        }
        return Cli.OK;
    }

    private static boolean message(TryEvent event) {
        return event.event() instanceof io.hookbot.api.MessageReceived;
    }

    private static int priority(RuleSet rules, String bot) {
        return rules.bots().stream().filter(b -> b.name().equals(bot)).findFirst().map(BotDefinition::priority).orElse(0);
    }

    /**
     * {@code --presence USER[@CHANNEL]=STATUS[:SCOPE]} (repeatable) says who is where; {@code --first-message} makes
     * the message its sender's first.
     */
    private static TurnLookups lookups(Arguments args, String channel, Instant at) {
        ReplayMemory presence = new ReplayMemory();
        args.pairs("presence").forEach((who, what) -> {
            int sign = who.lastIndexOf('@');
            String user = sign < 0 ? who : who.substring(0, sign);
            String on = sign < 0 ? channel : who.substring(sign + 1);
            int colon = what.indexOf(':');
            String status = (colon < 0 ? what : what.substring(0, colon)).trim().toUpperCase(java.util.Locale.ROOT);
            try {
                presence.before(new PresenceChanged(on, "try", User.of(user), PresenceChanged.Status.valueOf(status),
                        colon < 0 ? null : what.substring(colon + 1), at));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--presence takes USER[@CHANNEL]=STATUS[:SCOPE] with a status among "
                        + java.util.Arrays.stream(PresenceChanged.Status.values())
                        .map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList() + ", not '" + who + "=" + what + "'");
            }
        });
        return TurnLookups.of(presence, args.flag("first-message"));
    }

    /**
     * @param path      a rule folder or file
     * @param platforms the platforms its rules may name
     * @return its bots
     * @throws RuleFileException with every mistake
     */
    static RuleSet load(Path path, Platforms platforms) {
        RuleFileParser parser = new RuleFileParser().withPlatforms(platforms);
        if (Files.isDirectory(path)) {
            if (RuleFolder.files(path).isEmpty()) {
                throw new UsageException(path + ": no rule files (*.yml, *.yaml) in it");
            }
            RuleFolder.Result result = new RuleFolder(parser).read(path, Map.of());
            if (!result.problems().isEmpty()) {
                throw new RuleFileException(result.problems());
            }
            return result.ruleSet();
        }
        if (!Files.isRegularFile(path)) {
            throw new UsageException(path + ": no such file or folder");
        }
        return new RuleSet(List.of(parser.parse(path)));
    }

    /**
     * The time of the turn: {@code --at} as an instant ({@code 2026-12-02T10:00:00Z}, {@code …+01:00}) or a date and
     * time without an offset, read as UTC ({@code 2026-12-02T10:00}), so that an example gives the same answer on
     * every machine; now without {@code --at}.
     */
    static Instant instant(String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UsageException("--at takes a time such as 2026-12-02T10:00 (UTC) or 2026-12-02T10:00:00+01:00, "
                        + "not '" + text + "'");
            }
        }
    }
}
