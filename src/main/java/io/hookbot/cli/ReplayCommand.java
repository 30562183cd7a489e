package io.hookbot.cli;

import io.hookbot.api.Action;
import io.hookbot.api.Event;
import io.hookbot.api.MessageReceived;
import io.hookbot.bot.rules.Problem;
import io.hookbot.bot.rules.RuleExplainer;
import io.hookbot.bot.rules.RuleFileException;
import io.hookbot.bot.rules.RuleSet;
import io.hookbot.bot.rules.TurnLookups;
import io.hookbot.channel.InboundEvent;
import io.hookbot.channel.Platform;
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
 * platform id (then the one channel configured for it, or a channel named after the platform).
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
        Path rulesPath = Path.of(args.option("rules") != null ? args.option("rules") : "bots");
        RuleSet rules;
        try {
            rules = TryCommand.load(rulesPath);
        } catch (RuleFileException e) {
            e.problems().stream().map(Problem::toString).forEach(out::println);
            return 1;
        }
        ChannelChoice channels = new ChannelChoice(ConfiguredChannels.load(), new ReplayPlatforms(),
                args.option("channel"), args.option("platform"));
        List<Path> files = files(args.positional());
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
                read = choice.platform().read(sample.channel(choice.channel(), choice.platform().id()), sample.request());
            } catch (WebhookRejection e) {
                out.println("  refused by " + choice.platform().id() + ": " + e.getMessage());
                refused++;
                continue;
            } catch (IOException e) {
                out.println("  cannot be read: " + e.getMessage());
                refused++;
                continue;
            }
            for (InboundEvent inbound : read) {
                Event event = inbound.event();
                if (event instanceof MessageReceived m && m.sequence() != null && m.sequence().marksEmptyBatch()) {
                    out.println("  batch " + m.sequence().batch() + " carried no message");
                    continue;
                }
                events++;
                fired += turn(rules, event, choice.platform().id(), memory);
            }
        }
        out.println(events + " event(s) from " + files.size() + " file(s), " + fired + " rule(s) fired"
                + (refused == 0 ? "" : ", " + refused + " file(s) refused"));
        return refused == 0 ? 0 : 1;
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

    private static List<Path> files(List<String> paths) {
        List<Path> files = new ArrayList<>();
        for (String given : paths) {
            Path path = Path.of(given);
            if (Files.isDirectory(path)) {
                try (Stream<Path> listing = Files.list(path)) {
                    listing.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UsageException(given + ": cannot list the folder: " + e.getMessage());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException(given + ": no such file or folder");
            }
        }
        return files;
    }

    /** Decides the channel, and so the platform, of each replayed file. */
    private record ChannelChoice(Map<String, String> configured, ReplayPlatforms platforms, String channel,
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
            if (platforms.isPlatform(folder)) {
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
