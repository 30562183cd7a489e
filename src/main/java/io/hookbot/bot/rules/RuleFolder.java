package io.hookbot.bot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Reads the rule files of a folder: every {@code *.yml} and {@code *.yaml} directly in it, in name order. A file that
 * fails keeps its last good version when there is one ({@code previous}), and its mistakes are reported either way.
 * Two files may not declare bots of the same name.
 */
public final class RuleFolder {

    private final RuleFileParser parser;

    /** @param parser the parser for each file */
    public RuleFolder(RuleFileParser parser) {
        this.parser = parser;
    }

    /**
     * What a folder read gave.
     *
     * @param bots     the bots to put in force, by file, in name order
     * @param problems the mistakes found, each with its file, line and column
     * @param kept     files that failed and whose last good version stays in force
     * @param skipped  files that failed and have no good version, so they are not in force
     */
    public record Result(Map<Path, BotDefinition> bots, List<Problem> problems, List<Path> kept, List<Path> skipped) {

        public Result {
            bots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bots));
            problems = List.copyOf(problems);
            kept = List.copyOf(kept);
            skipped = List.copyOf(skipped);
        }

        /** @return the rule set made of the bots */
        public RuleSet ruleSet() {
            return new RuleSet(List.copyOf(bots.values()));
        }
    }

    /**
     * @param folder   the folder
     * @param previous the bots last in force, by file (empty at startup)
     * @return the bots and the mistakes
     */
    public Result read(Path folder, Map<Path, BotDefinition> previous) {
        return read(files(folder), previous);
    }

    /**
     * Reads rule files as one folder: each is checked on its own, and their bots' names against each other's, since
     * a bot's cooldowns and schedule slots are kept under its name. A bot whose name an earlier file (in the order
     * given) already took is a mistake of its file, reported at its name.
     *
     * @param files    the files, in the order their bots are in force
     * @param previous the bots last in force, by file (empty at startup)
     * @return the bots and the mistakes
     */
    public Result read(List<Path> files, Map<Path, BotDefinition> previous) {
        Map<Path, BotDefinition> bots = new LinkedHashMap<>();
        Map<String, BotDefinition> byName = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path file : files) {
            BotDefinition bot = null;
            try {
                bot = parser.parse(file);
            } catch (RuleFileException e) {
                problems.addAll(e.problems());
            }
            BotDefinition twin = bot == null ? null : byName.get(bot.name());
            if (twin != null) {
                problems.add(new Problem(bot.location(), "the bot name '" + bot.name() + "' is already taken by "
                        + twin.location() + "; give each bot a name of its own (its cooldowns and schedules are kept "
                        + "under it)"));
                bot = null;
            }
            if (bot == null) {
                // the last good version, unless its name is taken by now
                BotDefinition lastGood = previous.get(file);
                if (lastGood != null && !byName.containsKey(lastGood.name())) {
                    bot = lastGood;
                    kept.add(file);
                } else {
                    skipped.add(file);
                    continue;
                }
            }
            bots.put(file, bot);
            byName.put(bot.name(), bot);
        }
        return new Result(bots, problems, kept, skipped);
    }

    /**
     * @param folder a folder
     * @return its rule files, in name order; none if it does not exist
     */
    public static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(RuleFolder::isRuleFile).sorted().toList();
        } catch (IOException e) {
            throw new RuleFileException(folder, "cannot list the rule folder: " + e);
        }
    }

    /**
     * @param folder a folder
     * @return a value that changes whenever a rule file in it is added, removed or changed
     */
    public static String fingerprint(Path folder) {
        StringBuilder out = new StringBuilder();
        for (Path file : files(folder)) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                // the content's checksum too: a same-size edit within the file system's time resolution still counts
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                out.append(file).append('|').append(attributes.lastModifiedTime().toInstant())
                        .append('|').append(attributes.size()).append('|').append(crc.getValue()).append('\n');
            } catch (IOException e) {
                // removed between the listing and now: the next look sees it gone
                out.append(file).append("|gone\n");
            }
        }
        return out.toString();
    }

    static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml")) && Files.isRegularFile(file);
    }
}
