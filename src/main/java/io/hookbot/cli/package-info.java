/**
 * The command line of the hookbot jar: {@link io.hookbot.cli.Cli} decides, before anything starts, whether it starts
 * the server (nothing, or settings alone) or runs a command: {@code check} validates rule files, {@code try} shows
 * what the rules do with one message or event, {@code replay} runs recorded webhook bodies through the platforms'
 * parsers and the rules, {@code help} and {@code --version} say what the jar is; anything else is a usage error.
 * None starts the HTTP server or touches the database. The platforms are the server's, their beans made without it
 * ({@link io.hookbot.channel.Platforms#withoutApplication}); no command names one. Depends on {@code api}, {@code bot.rules}, {@code channel} (the platforms, their parsers and what they say of themselves)
 * and the configuration files; nothing depends on it but {@code Application}.
 */
package io.hookbot.cli;
