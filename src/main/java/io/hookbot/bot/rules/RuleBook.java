package io.hookbot.bot.rules;

import io.hookbot.channel.ChannelConfig;
import io.hookbot.config.BotsFolder;
import io.hookbot.channel.ChannelRegistry;
import io.hookbot.channel.Platforms;
import io.micronaut.context.annotation.Context;
import io.hookbot.worker.Supervisor;
import io.hookbot.worker.Worker;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The bots in force: the rule files of {@code hookbot.bots-dir}, read at startup and again whenever a file there is
 * added, removed or written (checked every {@code hookbot.rules.reload-interval}, 500 ms by default). A reload swaps
 * in a new immutable {@link RuleSet} at once. A broken file is logged with {@code file:line:column} and its last
 * good version stays in force; at startup, when there is no good version yet, a broken file stops the application.
 * What the bots leave silent or answer twice (a channel no bot answers, two bots answering one message) is logged at
 * WARN at startup and whenever it changes ({@link Coverage}).
 */
@Context
public class RuleBook {

    private static final Logger LOG = LoggerFactory.getLogger(RuleBook.class);

    private final Path directory;
    private final ChannelRegistry channels;
    private final Map<String, String> platforms;
    private final RuleFolder folder;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    private final Worker watcher;

    public RuleBook(BotsFolder bots, RuleSettings settings, ChannelRegistry channels, Platforms known,
                    PluginCatalog plugins, Supervisor supervisor) {
        this.directory = bots.path();
        Duration reloadInterval = settings.reloadInterval();
        this.channels = channels;
        this.platforms = channels.all().stream()
                .collect(Collectors.toMap(ChannelConfig::name, ChannelConfig::platform));
        this.folder = new RuleFolder(new RuleFileParser(platforms, plugins.pluginIds()).withPlatforms(known));
        if (!this.directory.toFile().isDirectory()) {
            LOG.warn("No rule folder at {}: the bot will store events but answer none", this.directory.toAbsolutePath());
        }
        String fingerprint = RuleFolder.fingerprint(this.directory);
        RuleFolder.Result first = folder.read(this.directory, Map.of());
        if (!first.problems().isEmpty()) {
            throw new RuleFileException(first.problems());
        }
        first.bots().values().forEach(bot -> LOG.info("Loaded {}", bot));
        List<Coverage.Warning> warnings = Coverage.of(first.ruleSet(), platforms);
        warnings.forEach(warning -> LOG.warn("Rules: {}", warning));
        loaded.set(new Loaded(fingerprint, first.bots(), first.ruleSet(), List.of(), warnings, Instant.now()));
        Duration every = Duration.ofMillis(Math.max(50, reloadInterval.toMillis()));
        this.watcher = supervisor.every("rules-reload", every, every, null, this::reloadIfChanged);
    }

    /** @return the rule set in force now; hold on to it for a whole turn */
    public RuleSet current() {
        return loaded.get().ruleSet();
    }

    /** @return the bots in force, in the order they are asked (priority, then file name) */
    public List<BotDefinition> bots() {
        return current().bots();
    }

    /**
     * @param channel a channel name
     * @return the id of its platform, or {@code null} if the channel is not configured
     */
    public String platformOf(String channel) {
        return channels.find(channel).map(ChannelConfig::platform).orElse(null);
    }

    /** Reads the folder again if a rule file was added, removed or written since the last read. */
    void reloadIfChanged() {
        try {
            Loaded before = loaded.get();
            String fingerprint = RuleFolder.fingerprint(directory);
            if (fingerprint.equals(before.fingerprint())) {
                return;
            }
            RuleFolder.Result result = folder.read(directory, before.bots());
            result.problems().forEach(problem -> LOG.error("Rule file mistake: {}", problem));
            result.kept().forEach(file -> LOG.warn("{} has mistakes; its last good version stays in force", file));
            result.skipped().forEach(file -> LOG.warn("{} has mistakes and no good version; it is not in force", file));
            List<Coverage.Warning> warnings = Coverage.of(result.ruleSet(), platforms);
            // said again only when they change, so that every edit does not repeat the same warnings
            if (!warnings.equals(before.warnings())) {
                warnings.forEach(warning -> LOG.warn("Rules: {}", warning));
            }
            loaded.set(new Loaded(fingerprint, result.bots(), result.ruleSet(), result.problems(), warnings,
                    Instant.now()));
            LOG.info("Rules reloaded from {}: {}", directory, result.ruleSet().bots());
        } catch (RuntimeException e) {
            LOG.error("Could not reload the rules from {}; the rules in force stay", directory, e);
        }
    }

    /** Stops watching the folder. */
    @PreDestroy
    public void close() {
        watcher.stop();
    }

    /** @return the mistakes found by the last read of the folder; empty when every file is good */
    public List<Problem> problems() {
        return loaded.get().problems();
    }

    /** @return what the bots in force leave silent or answer twice ({@link Coverage}); logged at WARN when it changes */
    public List<Coverage.Warning> warnings() {
        return loaded.get().warnings();
    }

    /** @return when the rule folder was last read: at startup, or the last reload after a change */
    public Instant loadedAt() {
        return loaded.get().at();
    }

    private record Loaded(String fingerprint, Map<Path, BotDefinition> bots, RuleSet ruleSet, List<Problem> problems,
                          List<Coverage.Warning> warnings, Instant at) {
    }
}
