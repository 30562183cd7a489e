package io.hookbot.cli;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.bot.rules.Problem;
import io.hookbot.bot.rules.RuleExplainer;
import io.hookbot.bot.rules.RuleFileException;
import io.hookbot.bot.rules.RuleSet;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.channel.ChannelConfigException;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.Platform;
import io.hookbot.channel.Platforms;
import io.hookbot.channel.WebhookRejection;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code replay [--rules PATH] [--channel C [--platform P]] FILE|FOLDER…}: reads recorded webhook bodies through the
 * platforms' parsers and runs each event through the rules, without the server or the database, printing the
 * transcript: each event, the rules that fired and their actions. Events go in the order given (a folder's files in
 * name order, a file's events in the order it carries them); the time of each turn is the event's own timestamp.
 * Conversation state, presence and the senders seen carry over from one event to the next, as they would on the
 * server. A file's channel is {@code --channel}, or else comes from its folder's name: a configured channel, or a
 * platform id (then the one channel configured for it, or a channel named after the platform). A folder may hold the
 * files of one platform or channel, or folders named after them ({@code bots/samples}); a folder with no file to
 * replay, like a path that does not exist, is a wrong command line.
 */
final class ReplayCommand {

    private final PrintStream out;

    ReplayCommand(PrintStream out) {
        this.out = out;
    }

    int run(Arguments args) {
        if (args.positional().isEmpty()) {
            throw new UsageException("replay needs sample files or folders, such as bots/samples/sms-gateway");
        }
        if (args.option("platform") != null && args.option("channel") == null) {
            throw new UsageException("--platform names the platform of --channel: give both, or neither");
        }
        Path rulesPath = Path.of(args.option("rules") != null ? args.option("rules") : "bots");
        Platforms platforms = ConfiguredChannels.platforms(args.option("config"));
        RuleSet rules;
        try {
            rules = TryCommand.load(rulesPath, platforms);
        } catch (RuleFileException e) {
            e.problems().stream().map(Problem::toString).forEach(out::println);
            return Cli.MISTAKES;
        }
        List<Path> files = files(args.positional());
        ChannelChoice channels = new ChannelChoice(ConfiguredChannels.load(args.option("config")), platforms,
                args.option("channel"), args.option("platform"));
        ReplayMemory memory = new ReplayMemory();
        int events = 0;
        int fired = 0;
        int refused = 0;
        for (Path file : files) {
            ChannelChoice.Choice choice = channels.of(file);
            out.println(file + " on " + choice.channel() + " (" + choice.platform().id() + ")");
            List<InboundEvent> read;
            try {
                SampleFile sample = SampleFile.read(file);
                read = choice.platform().read(sample.channel(choice.channel(), choice.platform()), sample.request());
            } catch (WebhookRejection e) {
                out.println("  refused by " + choice.platform().id() + ": " + e.getMessage());
                refused++;
                continue;
            } catch (IOException e) {
                out.println("  cannot be read: " + e.getMessage());
                refused++;
                continue;
            } catch (ChannelConfigException e) {
                // the platform asked for a setting its sampleSettings did not give: a mistake of the platform's
                out.println("  cannot be replayed by " + choice.platform().id() + ": " + e.getMessage());
                refused++;
                continue;
            }
            for (InboundEvent inbound : read) {
                if (inbound.batchMark() != null) {
                    // the call's place in its numbering, not an event: said only when it is all the call carried
                    if (read.size() == 1) {
                        out.println("  batch " + inbound.batchMark().batch() + " carried no message");
                    }
                    continue;
                }
                Event event = inbound.event();
                events++;
                fired += turn(rules, event, choice.platform().id(), memory);
            }
        }
        out.println(events + " event(s) from " + files.size() + " file(s), " + fired + " rule(s) fired"
                + (refused == 0 ? "" : ", " + refused + " file(s) refused"));
        return refused == 0 ? Cli.OK : Cli.MISTAKES;
    }

    private int turn(RuleSet rules, Event event, String platform, ReplayMemory memory) {
        out.println("  " + EventText.of(event));
        TurnLookups lookups = memory.before(event);
        List<RuleExplainer.Step> steps = RuleExplainer.explain(rules, event, platform, event.timestamp(),
                Map.copyOf(memory.state(event)), lookups);
        int fired = 0;
        for (RuleExplainer.Step step : steps) {
            if (step.verdict() != RuleExplainer.Verdict.FIRED) {
                continue;
            }
            fired++;
            out.println("    " + step.bot() + "/" + step.rule() + " fired" + (step.reason().isEmpty() ? "" : ", " + step.reason()));
            step.actions().forEach(action -> out.println("      " + ActionText.of(action)));
            memory.after(event, step.actions());
        }
        if (fired == 0) {
            out.println("    no rule fired");
        }
        return fired;
    }

    /**
     * The files to replay, in order: each file given, and each folder's files in name order, then the files of its
     * sub-folders (a folder of platform folders, such as {@code bots/samples}), sub-folder by sub-folder in name order.
     */
    private static List<Path> files(List<String> paths) {
        List<Path> files = new ArrayList<>();
        for (String given : paths) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                List<Path> found = new ArrayList<>(listing(path, Files::isRegularFile));
                for (Path folder : listing(path, Files::isDirectory)) {
                    found.addAll(listing(folder, Files::isRegularFile));
                }
                if (found.isEmpty()) {
                    throw new UsageException(given + ": no webhook files in it, nor in folders named after platforms in it"
                            + " (bots/samples/<platform>/…)");
                }
                files.addAll(found);
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException(given + ": no such file or folder");
            }
        }
        return files;
    }

    private static List<Path> listing(Path folder, java.util.function.Predicate<Path> kind) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(kind).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UsageException(folder + ": cannot list the folder: " + e.getMessage());
        }
    }

    /** Decides the channel, and so the platform, of each replayed file. */
    private record ChannelChoice(Map<String, String> configured, Platforms platforms, String channel,
                                 String platform) {

        record Choice(String channel, Platform platform) {
        }

        Choice of(Path file) {
            if (channel != null) {
                String id = platform != null ? platform : configured.get(channel);
                if (id == null) {
                    throw new UsageException("channel '" + channel + "' is not configured: give its platform with --platform");
                }
                return new Choice(channel, platform(id));
            }
            Path parent = file.toAbsolutePath().getParent();
            String folder = parent == null ? "" : parent.getFileName().toString();
            if (configured.containsKey(folder)) {
                return new Choice(folder, platform(configured.get(folder)));
            }
            if (platforms.find(folder).isPresent()) {
                List<String> ofPlatform = configured.entrySet().stream().filter(e -> e.getValue().equals(folder))
                        .map(Map.Entry::getKey).sorted().toList();
                return new Choice(ofPlatform.size() == 1 ? ofPlatform.get(0) : folder, platform(folder));
            }
            throw new UsageException(file + ": cannot tell its platform from the folder '" + folder + "'; put it in a "
                    + "folder named after its platform " + platforms.ids() + " or its channel, or give --channel");
        }

        private Platform platform(String id) {
            return platforms.find(id).orElseThrow(() -> new UsageException("unknown platform '" + id + "'; platforms: "
                    + platforms.ids()));
        }
    }
}
