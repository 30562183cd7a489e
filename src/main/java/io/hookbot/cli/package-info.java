/**
 * The command line of the hookbot jar: {@code check} validates rule files, {@code try} shows what the rules do with
 * one message or event. Neither starts the HTTP server or touches the database. Depends on {@code api},
 * {@code bot.rules} and the configuration files; nothing depends on it but {@code Application}.
 */
package io.hookbot.cli;
