package io.hookbot.bot.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one rule file into a {@link BotDefinition}, refusing anything it does not understand: an unknown key is an
 * error, not something silently ignored, so a typo never turns a rule into a catch-all.
 */
public final class RuleFileParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> BOT_KEYS = Set.of("bot", "description", "channels", "rules");
    private static final Set<String> RULE_KEYS = Set.of("name", "on", "when", "then", "continue");
    private static final Set<String> CONDITION_KEYS = Set.of("keywords", "regex");
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    /**
     * @param file a rule file
     * @return the bot it declares
     * @throws RuleFileException if the file cannot be read or is not a valid bot
     */
    public BotDefinition parse(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RuleFileException(file, "not readable as YAML: " + e.getMessage());
        }
        return parse(file, root);
    }

    BotDefinition parse(Path file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new RuleFileException(file, "must be a mapping with 'bot' and 'rules'");
        }
        unknownKeys(file, "", root, BOT_KEYS);
        String name = requiredText(file, "bot", root.get("bot"));
        Set<String> channels = new LinkedHashSet<>(textList(file, "channels", root.get("channels")));
        JsonNode rulesNode = root.get("rules");
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            throw new RuleFileException(file, "'rules' must be a non-empty list");
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            Rule rule = rule(file, i + 1, rulesNode.get(i));
            if (!names.add(rule.name())) {
                throw new RuleFileException(file, "rule " + (i + 1) + ": the name '" + rule.name() + "' is used twice");
            }
            rules.add(rule);
        }
        return new BotDefinition(name, file, channels, List.copyOf(rules));
    }

    private Rule rule(Path file, int index, JsonNode node) {
        String where = "rule " + index;
        if (node == null || !node.isObject()) {
            throw new RuleFileException(file, where + " must be a mapping");
        }
        if (node.has("name")) {
            where = where + " (" + node.get("name").asText() + ")";
        }
        unknownKeys(file, where + ": ", node, RULE_KEYS);
        String name = node.has("name") ? requiredText(file, where + ": name", node.get("name")) : "rule-" + index;
        Rule.Trigger trigger = trigger(file, where, node.get("on"));
        Condition condition = condition(file, where, node.get("when"));
        List<RuleAction> actions = actions(file, where, node.get("then"));
        JsonNode cont = node.get("continue");
        if (cont != null && !cont.isBoolean()) {
            throw new RuleFileException(file, where + ": 'continue' must be true or false");
        }
        return new Rule(name, trigger, condition, actions, cont != null && cont.asBoolean());
    }

    private Rule.Trigger trigger(Path file, String where, JsonNode node) {
        if (node == null) {
            return Rule.Trigger.MESSAGE;
        }
        String value = node.asText().toUpperCase(Locale.ROOT);
        try {
            return Rule.Trigger.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(file, where + ": 'on' is '" + node.asText()
                    + "'; use message, presence, meeting or device");
        }
    }

    private Condition condition(Path file, String where, JsonNode node) {
        if (node == null) {
            return new Condition.Always();
        }
        if (!node.isObject()) {
            throw new RuleFileException(file, where + ": 'when' must be a mapping of conditions");
        }
        unknownKeys(file, where + ": when.", node, CONDITION_KEYS);
        List<Condition> all = new ArrayList<>();
        if (node.has("keywords")) {
            List<String> keywords = new ArrayList<>();
            for (String keyword : textList(file, where + ": when.keywords", node.get("keywords"))) {
                String folded = Normalizer.fold(keyword);
                if (folded.isBlank()) {
                    throw new RuleFileException(file, where + ": keyword '" + keyword + "' has no letters or digits");
                }
                keywords.add(folded);
            }
            all.add(new Condition.Keywords(List.copyOf(keywords)));
        }
        if (node.has("regex")) {
            String source = requiredText(file, where + ": when.regex", node.get("regex"));
            try {
                Pattern pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                List<String> groups = new ArrayList<>();
                Matcher names = GROUP_NAME.matcher(source);
                while (names.find()) {
                    groups.add(names.group(1));
                }
                all.add(new Condition.Regex(pattern, List.copyOf(groups)));
            } catch (PatternSyntaxException e) {
                throw new RuleFileException(file, where + ": when.regex is not a valid regular expression: "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        return all.size() == 1 ? all.get(0) : new Condition.All(List.copyOf(all));
    }

    private List<RuleAction> actions(Path file, String where, JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new RuleFileException(file, where + ": 'then' must be a non-empty list of actions");
        }
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            actions.add(action(file, where + ": then[" + (i + 1) + "]", node.get(i)));
        }
        return List.copyOf(actions);
    }

    private RuleAction action(Path file, String where, JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new RuleFileException(file, where + " must be one of: reply: <text>, set: {key: value}, clear: <key>");
        }
        Map.Entry<String, JsonNode> entry = node.fields().next();
        switch (entry.getKey()) {
            case "reply":
                return new RuleAction.ReplyAction(template(file, where + ".reply", entry.getValue()));
            case "set": {
                JsonNode set = entry.getValue();
                if (!set.isObject() || set.size() != 1) {
                    throw new RuleFileException(file, where + ".set must be one key: value");
                }
                Map.Entry<String, JsonNode> pair = set.fields().next();
                return new RuleAction.SetAction(pair.getKey(), template(file, where + ".set", pair.getValue()));
            }
            case "clear":
                return new RuleAction.ClearAction(requiredText(file, where + ".clear", entry.getValue()));
            default:
                throw new RuleFileException(file, where + ": unknown action '" + entry.getKey()
                        + "'; use reply, set or clear");
        }
    }

    private Template template(Path file, String where, JsonNode node) {
        String text = requiredText(file, where, node);
        try {
            return Template.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RuleFileException(file, where + ": " + e.getMessage());
        }
    }

    private static String requiredText(Path file, String where, JsonNode node) {
        if (node == null || node.isNull() || !node.isValueNode() || node.asText().isBlank()) {
            throw new RuleFileException(file, "'" + where + "' must be a non-empty text");
        }
        return node.asText();
    }

    private static List<String> textList(Path file, String where, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isValueNode()) {
            values.add(requiredText(file, where, node));
            return values;
        }
        if (!node.isArray()) {
            throw new RuleFileException(file, "'" + where + "' must be a list of texts");
        }
        for (JsonNode item : node) {
            values.add(requiredText(file, where, item));
        }
        return values;
    }

    private static void unknownKeys(Path file, String where, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!allowed.contains(key)) {
                throw new RuleFileException(file, where + "unknown key '" + key + "'; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }
}
