package io.hookbot.bot.rules;

import io.hookbot.bot.guard.Guardrails;
import io.hookbot.bot.rules.yaml.YamlNode;
import io.hookbot.bot.rules.yaml.YamlReader;
import io.hookbot.bot.rules.yaml.YamlSyntaxException;
import io.hookbot.channel.Platforms;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads one rule file into a {@link BotDefinition}, refusing anything it does not understand: an unknown key is an
 * error, not something silently ignored, so a typo never turns a rule into a catch-all. Every mistake of the file is
 * reported, each with {@code file:line:column}.
 */
public final class RuleFileParser {

    private static final Set<String> BOT_KEYS = Set.of("bot", "description", "channels", "priority", "timezone",
            "guardrails", "rules");
    /** The range of {@code priority}: wide enough for any order of bots, narrow enough to read. */
    private static final int MAX_PRIORITY = 1000;
    private static final Set<String> RULE_KEYS = Set.of("name", "on", "when", "then", "continue", "guardrails",
            "cron", "every", "zone");

    private final Set<String> knownChannels;
    private final Set<String> knownPlugins;
    /** The configured channels' platforms, or {@code null} when unknown. */
    private final Map<String, String> channelPlatforms;
    /** The platforms a rule may name, asked for only when a rule needs them. */
    private final Supplier<Platforms> platforms;

    /**
     * A parser that checks neither channel names nor plugin ids (for files read without the application). Like
     * every parser not given the platforms ({@link #withPlatforms}), it knows those of the class path
     * ({@link Platforms#onClassPath()}), looked up once a rule names a platform or may reply.
     */
    public RuleFileParser() {
        this(null);
    }

    /** @param knownChannels the configured channel names; {@code null} not to check them */
    public RuleFileParser(Set<String> knownChannels) {
        this(knownChannels, null);
    }

    /**
     * @param knownChannels the configured channel names; {@code null} not to check them
     * @param knownPlugins  the loaded plugins' ids; {@code null} not to check them
     */
    public RuleFileParser(Set<String> knownChannels, Set<String> knownPlugins) {
        this(knownChannels == null ? null : Set.copyOf(knownChannels),
                knownPlugins == null ? null : Set.copyOf(knownPlugins), null, Platforms::onClassPath);
    }

    /**
     * A parser that also knows each channel's platform, so that it refuses a {@code reply} to a platform that
     * cannot be answered in the conversation ({@link ReplyDestinationCheck}).
     *
     * @param channelPlatforms the configured channels, each with its platform id
     * @param knownPlugins     the loaded plugins' ids; {@code null} not to check them
     */
    public RuleFileParser(Map<String, String> channelPlatforms, Set<String> knownPlugins) {
        this(Set.copyOf(channelPlatforms.keySet()), knownPlugins == null ? null : Set.copyOf(knownPlugins),
                Map.copyOf(channelPlatforms), Platforms::onClassPath);
    }

    private RuleFileParser(Set<String> knownChannels, Set<String> knownPlugins, Map<String, String> channelPlatforms,
                           Supplier<Platforms> platforms) {
        this.knownChannels = knownChannels;
        this.knownPlugins = knownPlugins;
        this.channelPlatforms = channelPlatforms;
        this.platforms = platforms;
    }

    /**
     * @param platforms the platforms a rule may name, and whose messages a {@code reply} can answer: the
     *                  application's, or those the command line found
     * @return this parser, knowing those platforms
     */
    public RuleFileParser withPlatforms(Platforms platforms) {
        return new RuleFileParser(knownChannels, knownPlugins, channelPlatforms, () -> platforms);
    }

    /**
     * @param file a rule file
     * @return the bot it declares
     * @throws RuleFileException with every mistake, if the file cannot be read or is not a valid bot
     */
    public BotDefinition parse(Path file) {
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new RuleFileException(file, "cannot be read: " + e);
        }
        return parse(file.toString(), content);
    }

    /**
     * @param fileName the name to show in locations
     * @param content  the YAML text
     * @return the bot it declares
     * @throws RuleFileException with every mistake
     */
    public BotDefinition parse(String fileName, String content) {
        Problems problems = new Problems();
        YamlNode root;
        try {
            root = YamlReader.read(fileName, content);
        } catch (YamlSyntaxException e) {
            throw new RuleFileException(List.of(new Problem(e.location(), e.getMessage())));
        }
        BotDefinition bot = bot(fileName, root, problems);
        if (!problems.isEmpty()) {
            throw new RuleFileException(problems.list());
        }
        return bot;
    }

    private BotDefinition bot(String fileName, YamlNode root, Problems problems) {
        YamlNode.Mapping top = YamlValues.mapping(root, "a rule file", problems).orElse(null);
        if (top == null) {
            return null;
        }
        Set<String> misspelt = YamlValues.onlyKeys(top, BOT_KEYS, "the bot", problems);
        String name = top.get("bot").flatMap(n -> YamlValues.text(n, "bot", problems)).orElse(null);
        if (top.get("bot").isEmpty() && !misspelt.contains("bot")) {
            problems.add(top, "missing 'bot: <name>' at the top of the file");
        }
        top.get("description").ifPresent(n -> YamlValues.text(n, "description", problems));
        Set<String> channels = new LinkedHashSet<>();
        top.get("channels").ifPresent(node -> {
            for (String channel : YamlValues.texts(node, "channels", problems)) {
                if (knownChannels != null && !knownChannels.contains(channel)) {
                    problems.add(node, "unknown channel '" + channel + "'; channels configured under hookbot.channels: "
                            + knownChannels.stream().sorted().toList());
                }
                channels.add(channel);
            }
        });
        int priority = top.get("priority")
                .flatMap(n -> YamlValues.integer(n, "priority", -MAX_PRIORITY, MAX_PRIORITY, problems)).orElse(0);
        ZoneId zone = top.get("timezone").flatMap(n -> YamlValues.text(n, "timezone", problems).map(t -> zone(n, t, problems)))
                .orElse(ZoneOffset.UTC);
        Guardrails guardrails = top.get("guardrails")
                .map(n -> new GuardrailsParser(problems, zone).parse(n, Guardrails.DEFAULTS)).orElse(Guardrails.DEFAULTS);
        YamlNode rulesNode = top.get("rules").orElse(null);
        if (!(rulesNode instanceof YamlNode.Sequence sequence) || sequence.items().isEmpty()) {
            if (rulesNode != null || !misspelt.contains("rules")) {
                problems.add(rulesNode == null ? top : rulesNode, "'rules' must be a non-empty list of rules");
            }
            return null;
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, Rule> byName = new HashMap<>();
        List<Rule> catchAlls = new ArrayList<>();
        for (int i = 0; i < sequence.items().size(); i++) {
            ParsedRule parsed = rule(i + 1, sequence.items().get(i), zone, guardrails, problems);
            if (parsed == null) {
                continue;
            }
            Rule rule = parsed.rule();
            Rule twin = byName.putIfAbsent(rule.name(), rule);
            if (twin != null) {
                problems.add(rule.location(), "the rule name '" + rule.name() + "' is already used at line "
                        + twin.location().line() + "; rule names must be unique in a bot");
            }
            for (Rule catchAll : catchAlls) {
                if (catchAll.trigger().covers(rule.trigger())) {
                    problems.add(rule.location(), "rule '" + rule.name() + "' can never fire: rule '" + catchAll.name()
                            + "' at line " + catchAll.location().line() + " answers every " + catchAll.trigger()
                            + " event before it; move it above, or give '" + catchAll.name() + "' a condition");
                    break;
                }
            }
            // a rule whose keys or conditions have mistakes is not what its author meant: checks built on what it
            // says (where its replies go, which rules below it can fire) would only repeat its mistakes
            if (!parsed.inDoubt()) {
                ReplyDestinationCheck.check(rule, channels, channelPlatforms, platforms, problems);
            }
            // a schedule rule fires on its own times, so another one below it is never shadowed
            if (rule.isCatchAll() && rule.schedule() == null && !parsed.inDoubt()) {
                catchAlls.add(rule);
            }
            rules.add(rule);
        }
        return name == null ? null : new BotDefinition(name, top.get("bot").orElseThrow().location(), priority, channels,
                zone, rules);
    }

    /**
     * A rule as read.
     *
     * @param rule    the rule
     * @param inDoubt whether its keys, trigger or conditions had mistakes (already reported), so that what it
     *                matches is not what its author meant
     */
    private record ParsedRule(Rule rule, boolean inDoubt) {
    }

    private ParsedRule rule(int index, YamlNode node, ZoneId zone, Guardrails botGuardrails, Problems problems) {
        YamlNode.Mapping rule = YamlValues.mapping(node, "a rule", problems).orElse(null);
        if (rule == null) {
            return null;
        }
        int before = problems.size();
        Set<String> misspelt = YamlValues.onlyKeys(rule, RULE_KEYS, "a rule", problems);
        String name = rule.get("name").flatMap(n -> YamlValues.text(n, "name", problems)).orElse("rule-" + index);
        Trigger trigger = rule.get("on").map(n -> TriggerParser.parse(n, problems)).orElse(Trigger.MESSAGE);
        ConditionParser conditions = new ConditionParser(problems, knownChannels, platforms, zone);
        Condition condition = rule.get("when").map(conditions::parse).orElse(new Condition.Always());
        boolean inDoubt = problems.size() > before;
        TemplateScope scope = new TemplateScope(trigger.family(), conditions.captures(), knownChannels);
        List<RuleAction> actions = rule.get("then").map(n -> new ActionParser(problems, scope, knownPlugins).parse(n)).orElse(null);
        if (actions == null) {
            if (!misspelt.contains("then")) {
                problems.add(node, "rule '" + name + "' has no 'then': say what it does (- reply: …)");
            }
            actions = List.of();
        }
        boolean continueAfter = rule.get("continue").flatMap(n -> YamlValues.bool(n, "continue", problems)).orElse(false);
        Guardrails guardrails = rule.get("guardrails")
                .map(n -> new GuardrailsParser(problems, zone).parse(n, botGuardrails)).orElse(botGuardrails);
        ScheduleParser schedules = new ScheduleParser(problems);
        Schedule schedule = schedules.parse(rule, trigger, zone);
        if (trigger.family() == Trigger.Family.SCHEDULE) {
            schedules.checkContents(rule, actions);
        }
        return new ParsedRule(new Rule(name, node.location(), trigger, condition, actions, continueAfter, guardrails,
                schedule), inDoubt);
    }

    private static ZoneId zone(YamlNode node, String text, Problems problems) {
        return YamlValues.zone(node, text, problems, ZoneOffset.UTC);
    }
}
