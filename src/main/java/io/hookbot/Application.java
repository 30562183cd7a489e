package io.hookbot;

import io.hookbot.cli.Cli;

/**
 * Starts hookbot's server, or, when the first argument names a command ({@code check}, {@code try}), runs that
 * command without the server or the database.
 */
public class Application {

    /** @param args a command and its arguments, or the server's arguments */
    public static void main(String[] args) {
        if (args.length > 0 && Cli.isCommand(args[0])) {
            System.exit(Cli.run(args, System.out, System.err));
        }
        HookbotLauncher.launch(args);
    }
}
