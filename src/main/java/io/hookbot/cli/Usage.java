package io.hookbot.cli;

import java.util.Map;
import java.util.Optional;

/** What {@code help} and a usage error print: the jar's command line as a whole, and each command's. */
final class Usage {

    static final String CHECK = """
            check [PATH…] [--config FILE | --channels a,b=PLATFORM,… | --any-channel]
                validate rule files: a folder's *.yml and *.yaml, or the files given (default PATH: bots), taken
                together as one bots folder. Prints every mistake as file:line:column, then warnings (a channel
                no bot answers, two bots that can both answer one message); warnings do not fail the check.
                --config FILE     read the channels from this configuration file too (as -Dmicronaut.config.files)
                --channels …      check channel names against this list (with =PLATFORM, replies too)
                --any-channel     check no channel names (and give no warnings about channels)""";

    static final String TRY = """
            try PATH [--config FILE] [--channel C] [--platform P] [--from ID] [--name N] [--role R] [--kind K]
                     [--state KEY=VALUE]… [--at 2026-12-02T10:00] [--event TYPE] [--field KEY=VALUE]…
                     [--presence USER[@CHANNEL]=STATUS[:SCOPE]]… [--first-message] [--conversation ID] [--] TEXT…
                feed one message (or, with --event presence.online / meeting.started / device.ussd…, one event)
                to the rules of a folder or file and show which rule fired, what it did, and why the others did not.
                A message needs its TEXT; put -- before a text that starts with '-'. --at is the time of the turn
                (default: now): an instant (2026-12-02T10:00:00Z, +01:00…) or a date and time in UTC.""";

    static final String REPLAY = """
            replay [--rules PATH] [--config FILE] [--channel C [--platform P]] FILE|FOLDER…
                run recorded webhook bodies through the platforms' parsers and the rules (default PATH: bots), and
                print each event, the rules that fired and their actions. A folder holds the files of one platform
                (bots/samples/sms-gateway) or folders named after platforms or channels (bots/samples).""";

    static final String HELP = """
            help [COMMAND]
                this text, or one command's""";

    /** The usage after a mistake that names no command: what the jar takes, in three lines. */
    static final String SHORT = """
            usage: java -jar hookbot.jar check|try|replay ARGUMENT…     rule files, without the server
                   java -jar hookbot.jar help [COMMAND] | --version
                   java -jar hookbot.jar [-Dkey=value | --key=value]…   the server, with settings""";

    private static final Map<String, String> COMMANDS = Map.of("check", CHECK, "try", TRY, "replay", REPLAY,
            "help", HELP);

    static final String GENERAL = """
            usage: java -jar hookbot.jar [COMMAND [ARGUMENT…]]

            Without a command, the server starts. It takes only settings, each a dotted configuration key:
                -Dkey=value or --key=value      such as --micronaut.server.port=9090 (or -D… before -jar, or the
                                                environment: README, Configuration)

            commands (none starts the server or opens the database):
            """ + indent(CHECK) + "\n" + indent(TRY) + "\n" + indent(REPLAY) + "\n" + indent(HELP) + """

              --version
                  print hookbot's version

            exit codes: 0 done, no mistakes; 1 mistakes found (in the rule files, or a replayed file refused);
                        2 a wrong command line (what is wrong, and the usage, go to the error output)""";

    private Usage() {
    }

    /**
     * @param command a command's name
     * @return its usage, if it is a command
     */
    static Optional<String> of(String command) {
        return Optional.ofNullable(COMMANDS.get(command)).map(text -> "usage: java -jar hookbot.jar " + text);
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
