/**
 * The command line of the hookbot jar: {@code check} validates rule files, {@code try} shows what the rules do with
 * one message or event, {@code replay} runs recorded webhook bodies through the platforms' parsers and the rules.
 * None starts the HTTP server or touches the database. Depends on {@code api}, {@code bot} and {@code bot.rules},
 * the platforms' parsers in {@code channel} and the configuration files; nothing depends on it but
 * {@code Application}.
 */
package io.hookbot.cli;
