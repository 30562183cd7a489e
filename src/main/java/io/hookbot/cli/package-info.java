/**
 * The command line of the hookbot jar: {@link io.hookbot.cli.Cli} decides, before anything starts, whether it starts
 * the server (nothing, or settings alone) or runs a command: {@code check} validates rule files, {@code try} shows
 * what the rules do with one message or event, {@code replay} runs recorded webhook bodies through the platforms'
 * parsers and the rules, {@code help} and {@code --version} say what the jar is; anything else is a usage error.
 * None starts the HTTP server or touches the database. Depends on {@code api}, {@code bot} and {@code bot.rules},
 * the platforms' parsers in {@code channel} and the configuration files; nothing depends on it but
 * {@code Application}.
 */
package io.hookbot.cli;
