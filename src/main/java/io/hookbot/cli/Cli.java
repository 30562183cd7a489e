package io.hookbot.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs a command given on the command line of the hookbot jar ({@code java -jar hookbot.jar check bots/}) instead
 * of starting the server.
 */
public final class Cli {

    private static final Set<String> COMMANDS = Set.of("check", "try", "replay", "help", "--help");

    static final String USAGE = """
            usage: java -jar hookbot.jar <command> …
              check [PATH…] [--channels a,b | --any-channel]
                  validate rule files (a folder's *.yml, or files); default PATH: bots
                  exit 0 when every file is good, 1 otherwise
              try PATH [--channel C] [--platform P] [--from ID] [--name N] [--role R] [--kind K]
                       [--state KEY=VALUE]… [--at 2024-05-06T09:30:00Z] [--event TYPE] [--field KEY=VALUE]…
                       [--presence USER[@CHANNEL]=STATUS[:SCOPE]]… [--first-message] TEXT…
                  feed one message (or, with --event presence.online / meeting.started / device.ussd…, one event)
                  to the rules and show which rule fired, what it did, and why the others did not
              replay [--rules PATH] [--channel C [--platform P]] FILE|FOLDER…
                  run recorded webhook bodies (bots/samples/<platform>/…) through the platforms' parsers and the
                  rules (default PATH: bots), and print each event, the rules that fired and their actions
              without a command, the server starts""";

    private Cli() {
    }

    /**
     * @param firstArgument the first command-line argument
     * @return whether it names a command, rather than being an argument for the server
     */
    public static boolean isCommand(String firstArgument) {
        return COMMANDS.contains(firstArgument);
    }

    /**
     * @param args the command line, the command first
     * @param out  where results go
     * @param err  where usage errors go
     * @return the exit code: 0 good, 1 the rules have mistakes (or a replayed file was refused), 2 the command line
     *         is wrong
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "check" -> new CheckCommand(out).run(Arguments.parse(rest, Set.of("any-channel")));
                case "try" -> new TryCommand(out).run(Arguments.parse(rest, Set.of("first-message")));
                case "replay" -> new ReplayCommand(out).run(Arguments.parse(rest, Set.of()));
                default -> {
                    out.println(USAGE);
                    yield 0;
                }
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
    }
}
