package io.hookbot;

import io.hookbot.cli.Cli;
import io.hookbot.cli.Version;
import org.slf4j.LoggerFactory;

/**
 * Starts hookbot's server, or runs a command of the jar's command line ({@code check}, {@code try}, {@code replay},
 * {@code help}, {@code --version}) without the server or the database. Which one is decided before anything starts:
 * the server only for an empty command line or one made of settings alone ({@code -Dkey=value},
 * {@code --key=value}); anything else is a command, or a usage error with exit code 2.
 */
public class Application {

    /** @param args a command and its arguments, or the server's settings */
    public static void main(String[] args) {
        if (!Cli.startsServer(args)) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        // before the first line: the log is in its format from the start (the setting is checked later)
        LogFormat.early(args);
        LoggerFactory.getLogger(Application.class).info("hookbot {} starting", Version.current());
        HookbotLauncher.launch(args);
    }
}
