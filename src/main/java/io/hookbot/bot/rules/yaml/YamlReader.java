package io.hookbot.bot.rules.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one YAML document into {@link YamlNode}s, keeping each node's location from Jackson's YAML parser. The
 * parsing is Jackson's (SnakeYAML underneath); this class only walks its tokens and writes down where they were.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /**
     * @param file    the file name to put in locations
     * @param content the YAML text
     * @return the document's root; an empty document reads as a null scalar at 1:1
     * @throws YamlSyntaxException if the text is not YAML, or a mapping repeats a key
     */
    public static YamlNode read(String file, String content) throws YamlSyntaxException {
        try (JsonParser parser = FACTORY.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar(new Location(file, 1, 1), null, YamlNode.Scalar.Type.NULL);
            }
            return node(file, parser);
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new YamlSyntaxException(at == null ? new Location(file, 1, 1) : location(file, at),
                    "not valid YAML: " + e.getOriginalMessage().strip().replaceAll("\\s*\\n\\s*", " "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode node(String file, JsonParser parser) throws IOException, YamlSyntaxException {
        Location at = location(file, parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                List<YamlNode.Entry> entries = new ArrayList<>();
                Map<String, Location> seen = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(file, parser.currentTokenLocation());
                    Location before = seen.putIfAbsent(key, keyAt);
                    if (before != null) {
                        throw new YamlSyntaxException(keyAt, "the key '" + key + "' is already set at line "
                                + before.line() + "; a key may appear once in a mapping");
                    }
                    parser.nextToken();
                    entries.add(new YamlNode.Entry(key, keyAt, node(file, parser)));
                }
                return new YamlNode.Mapping(at, entries);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(file, parser));
                }
                return new YamlNode.Sequence(at, items);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.TEXT);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.NUMBER);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.BOOLEAN);
            case VALUE_NULL:
                return new YamlNode.Scalar(at, null, YamlNode.Scalar.Type.NULL);
            default:
                // anchors, aliases and tags come through as the values they stand for; anything else is a bug here
                return new YamlNode.Scalar(at, parser.getText(), YamlNode.Scalar.Type.TEXT);
        }
    }

    /**
     * A syntax error as SnakeYAML describes it, in one line: what it was reading and where that started, then what it
     * found and where. A bracket or quote left open ({@code [}, <code>{</code>, {@code "}) is reported where it was
     * opened, which is where the mistake is: it is found out only on a later line, the one Jackson's own location
     * names. Anything else (a line indented wrong, a character that cannot start a value) is reported where it was
     * found.
     */
    @SuppressWarnings("deprecation")
    private static YamlSyntaxException syntaxError(String file, MarkedYAMLException e) {
        Mark context = e.getContextMark();
        Mark problem = e.getProblemMark();
        StringBuilder message = new StringBuilder("not valid YAML: ");
        if (e.getContext() != null) {
            message.append(e.getContext().strip());
            if (context != null) {
                message.append(" started at line ").append(context.getLine() + 1).append(", column ")
                        .append(context.getColumn() + 1);
            }
            message.append(": ");
        }
        message.append(e.getProblem() == null ? "a mistake" : e.getProblem().strip());
        if (problem != null) {
            message.append(" at line ").append(problem.getLine() + 1).append(", column ").append(problem.getColumn() + 1);
        }
        boolean leftOpen = context != null && e.getContext() != null
                && (e.getContext().contains("flow") || e.getContext().contains("quoted"));
        Mark at = leftOpen || problem == null ? context : problem;
        Location where = at != null ? new Location(file, at.getLine() + 1, at.getColumn() + 1)
                : e.getLocation() != null ? location(file, e.getLocation()) : new Location(file, 1, 1);
        return new YamlSyntaxException(where, message.toString());
    }

    private static Location location(String file, JsonLocation at) {
        return new Location(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }
}
