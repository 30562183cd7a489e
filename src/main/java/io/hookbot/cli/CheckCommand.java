package io.hookbot.cli;

import io.hookbot.bot.rules.BotDefinition;
import io.hookbot.bot.rules.Coverage;
import io.hookbot.bot.rules.Problem;
import io.hookbot.bot.rules.RuleFileParser;
import io.hookbot.bot.rules.RuleFolder;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code check [PATH…]}: validates rule files and prints every mistake as {@code file:line:column: message}. Channel
 * names are checked against the configured channels (with {@code --config FILE} read over the configuration), or
 * against {@code --channels}, or not at all with {@code --any-channel}. When the files have no mistakes and the
 * channels are known, it warns of a channel no bot answers and of two bots that both answer one message
 * ({@link Coverage}); warnings do not change the exit code. A path that does not exist, or holds no rule file, is a
 * wrong command line.
 */
final class CheckCommand {

    private final PrintStream out;

    CheckCommand(PrintStream out) {
        this.out = out;
    }

    int run(Arguments args) {
        List<String> paths = args.positional().isEmpty() ? List.of("bots") : args.positional();
        Map<String, String> channels = channels(args);
        RuleFileParser parser = (channels == null ? new RuleFileParser() : new RuleFileParser(channels, null))
                .withPlatforms(ConfiguredChannels.platforms(args.option("config")));
        // each file once, however often it is named (bots/ and bots/auto-reply.yml)
        Map<Path, Path> found = new LinkedHashMap<>();
        for (String path : paths) {
            Path p = Path.of(path);
            if (Files.isDirectory(p)) {
                RuleFolder.files(p).forEach(file -> found.putIfAbsent(file.toAbsolutePath().normalize(), file));
            } else if (Files.isRegularFile(p)) {
                found.putIfAbsent(p.toAbsolutePath().normalize(), p);
            } else {
                throw new UsageException(path + ": no such file or folder");
            }
        }
        List<Path> files = new ArrayList<>(found.values());
        if (files.isEmpty()) {
            throw new UsageException(String.join(", ", paths) + ": no rule files (*.yml, *.yaml) to check");
        }
        // the files together, as one bots folder: a bot name may be used once across them
        RuleFolder.Result result = new RuleFolder(parser).read(files, Map.of());
        for (Path file : files) {
            List<Problem> own = result.problems().stream().filter(p -> p.location().file().equals(file.toString())).toList();
            if (own.isEmpty()) {
                BotDefinition bot = result.bots().get(file);
                out.println(file + ": ok, bot " + bot.name() + ", " + bot.ruleCount() + " rules");
            } else {
                own.stream().map(Problem::toString).forEach(out::println);
            }
        }
        int mistakes = result.problems().size();
        // warnings only about files without mistakes: a broken file's bot is out, and its channels would seem silent
        List<Coverage.Warning> warnings = mistakes > 0 || channels == null ? List.of()
                : Coverage.of(result.ruleSet(), channels);
        warnings.forEach(out::println);
        out.println(files.size() + " file(s) checked, " + (mistakes == 0 ? "no mistakes" : mistakes + " mistake(s)")
                + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)"));
        // warnings do not fail the check: the bots run as written
        return mistakes == 0 ? Cli.OK : Cli.MISTAKES;
    }

    /**
     * The channels given, each with its platform ({@code ""} when unknown): {@code --any-channel} gives none
     * ({@code null}: no channel name is checked); {@code --channels a,b=webinato} the list, with the platforms given
     * with {@code =}; by default the configured channels and their platforms, with {@code --config FILE} read over the
     * configuration.
     */
    static Map<String, String> channels(Arguments args) {
        long sources = java.util.stream.Stream.of("any-channel", "channels", "config").filter(args.options()::containsKey)
                .count();
        if (sources > 1) {
            throw new UsageException("give the channels one way: --config FILE, --channels … or --any-channel");
        }
        if (args.flag("any-channel")) {
            return null;
        }
        String listed = args.option("channels");
        if (listed == null) {
            return ConfiguredChannels.load(args.option("config"));
        }
        Map<String, String> platforms = new java.util.HashMap<>();
        for (String item : listed.split("\\s*,\\s*")) {
            int equals = item.indexOf('=');
            // a channel listed without its platform has an unknown one: its replies are not checked
            platforms.put(equals < 0 ? item.trim() : item.substring(0, equals).trim(),
                    equals < 0 ? "" : item.substring(equals + 1).trim());
        }
        return platforms;
    }
}
