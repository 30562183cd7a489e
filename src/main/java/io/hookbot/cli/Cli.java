package io.hookbot.cli;

import io.hookbot.bot.rules.Suggestion;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The command line of the hookbot jar. {@code io.hookbot.Application.main} asks {@link #startsServer(String[])} first, before
 * anything starts: only an empty command line, or one made of settings alone, starts the server; everything else is
 * run here ({@code check}, {@code try}, {@code replay}, {@code help}, {@code --version}) or refused with the usage
 * and exit code 2, so that a typo never starts a server.
 */
public final class Cli {

    /** Exit code: done, no mistakes. */
    public static final int OK = 0;
    /** Exit code: the rule files have mistakes, or a replayed file was refused. */
    public static final int MISTAKES = 1;
    /** Exit code: the command line is wrong. */
    public static final int WRONG_COMMAND_LINE = 2;

    /**
     * A server setting: {@code -Dkey=value} or {@code --key=value} with a dotted configuration key, the two forms
     * Micronaut reads from the command line as configuration. The dot keeps a mistyped option
     * ({@code --verison=1}) from passing as a setting.
     */
    private static final Pattern SETTING = Pattern.compile("(-D|--)[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_\\[\\]-]+)+=.*",
            Pattern.DOTALL);

    private static final Arguments.Spec CHECK = new Arguments.Spec("check", Set.of("config", "channels"), Set.of(),
            Set.of("any-channel"));
    private static final Arguments.Spec TRY = new Arguments.Spec("try", Set.of("config", "channel", "platform", "from",
            "name", "role", "kind", "at", "event", "conversation"), Set.of("state", "field", "presence"),
            Set.of("first-message"));
    private static final Arguments.Spec REPLAY = new Arguments.Spec("replay", Set.of("rules", "config", "channel",
            "platform"), Set.of(), Set.of());

    private Cli() {
    }

    /**
     * @param args the command line
     * @return whether it starts the server: it is empty, or every argument is a setting
     *         ({@code -Dkey=value}, {@code --key=value})
     */
    public static boolean startsServer(String[] args) {
        return Arrays.stream(args).allMatch(Cli::isSetting);
    }

    private static boolean isSetting(String arg) {
        return SETTING.matcher(arg).matches();
    }

    /**
     * Runs a command line that does not start the server.
     *
     * @param args the command line, the command first
     * @param out  where results (and asked-for help) go
     * @param err  where usage errors go
     * @return the exit code: {@link #OK}, {@link #MISTAKES} or {@link #WRONG_COMMAND_LINE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usageError(err, "no command given", Usage.SHORT);
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (wantsHelp(rest) && Usage.of(command).isPresent()) {
            out.println(Usage.of(command).get());
            return OK;
        }
        try {
            return switch (command) {
                case "check" -> new CheckCommand(out).run(Arguments.parse(CHECK, rest));
                case "try" -> new TryCommand(out).run(Arguments.parse(TRY, rest));
                case "replay" -> new ReplayCommand(out).run(Arguments.parse(REPLAY, rest));
                case "help", "--help", "-h" -> help(rest, out);
                case "--version", "version" -> version(rest, out);
                default -> throw new UsageException(notACommand(command));
            };
        } catch (UsageException e) {
            return usageError(err, e.getMessage(), Usage.of(command).orElse(Usage.SHORT));
        }
    }

    private static boolean wantsHelp(List<String> rest) {
        for (String arg : rest) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static int help(List<String> rest, PrintStream out) {
        if (rest.isEmpty()) {
            out.println(Usage.GENERAL);
            return OK;
        }
        if (rest.size() > 1 || Usage.of(rest.get(0)).isEmpty()) {
            throw new UsageException("help takes one command of " + commands() + ", not '" + String.join(" ", rest) + "'");
        }
        out.println(Usage.of(rest.get(0)).get());
        return OK;
    }

    private static int version(List<String> rest, PrintStream out) {
        if (!rest.isEmpty()) {
            throw new UsageException("--version takes no arguments, not '" + String.join(" ", rest) + "'");
        }
        out.println("hookbot " + Version.current());
        return OK;
    }

    private static String notACommand(String arg) {
        if (isSetting(arg)) {
            return "the server takes only settings (-Dkey=value, --key=value), and a command goes first: "
                    + "java -jar hookbot.jar check bots/";
        }
        if (arg.startsWith("-")) {
            String hint = Suggestion.nearest(arg.replaceFirst("^-+", ""), List.of("help", "version"))
                    .map(c -> "; did you mean --" + c + "?").orElse("");
            return "unknown option " + arg + hint + " (the server takes only settings: -Dkey=value or --key=value, with a "
                    + "dotted key such as micronaut.server.port)";
        }
        String hint = Suggestion.nearest(arg, commands()).map(c -> "; did you mean '" + c + "'?").orElse("");
        return "unknown command '" + arg + "'" + (hint.isEmpty() ? "; the commands are " + String.join(", ", commands())
                : hint);
    }

    private static List<String> commands() {
        return List.of("check", "try", "replay", "help");
    }

    private static int usageError(PrintStream err, String message, String usage) {
        err.println("hookbot: " + message);
        err.println();
        err.println(usage);
        return WRONG_COMMAND_LINE;
    }
}
