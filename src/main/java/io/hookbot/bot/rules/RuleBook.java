package io.hookbot.bot.rules;

import io.hookbot.channel.ChannelRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bots in force: every {@code *.yml} / {@code *.yaml} file directly in {@code hookbot.bots-dir}, read at
 * startup. A broken file stops the startup with its name and the mistake; a bot naming a channel that is not
 * configured does too, since it would never answer.
 */
@Context
public class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final Path directory;
    private final List<BotDefinition> bots;

    public RuleBook(@Value("${hookbot.bots-dir:bots}") String directory, ChannelRegistry channels) {
        this.directory = Path.of(directory);
        this.bots = load(this.directory, channels);
    }

    private static List<BotDefinition> load(Path directory, ChannelRegistry channels) {
        if (!Files.isDirectory(directory)) {
            LOG.warn("No rule folder at {}: the bot will store events but answer none", directory.toAbsolutePath());
            return List.of();
        }
        RuleFileParser parser = new RuleFileParser();
        List<BotDefinition> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(RuleBook::isRuleFile).sorted().toList()) {
                BotDefinition bot = parser.parse(file);
                for (String channel : bot.channels()) {
                    if (channels.find(channel).isEmpty()) {
                        throw new RuleFileException(file, "channels: '" + channel + "' is not configured under hookbot.channels");
                    }
                }
                LOG.info("Loaded bot {} from {} ({} rules)", bot.name(), file, bot.ruleCount());
                result.add(bot);
            }
        } catch (IOException e) {
            throw new RuleFileException(directory, "cannot list the rule folder: " + e.getMessage());
        }
        return List.copyOf(result);
    }

    private static boolean isRuleFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    /** @return the bots in force, in file name order */
    public List<BotDefinition> bots() {
        return bots;
    }

    /** @return the folder the rule files are read from */
    public Path directory() {
        return directory;
    }
}
