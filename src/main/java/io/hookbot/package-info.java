/**
 * The application: {@link io.hookbot.Application} decides between the command line and the server;
 * {@link io.hookbot.HookbotLauncher} starts the server and says a startup mistake in one line
 * ({@link io.hookbot.StartupMistakes}); {@link io.hookbot.StartupCheck} reads every setting, the rule files and the
 * port before the database is opened ({@link io.hookbot.KnownSettings} refuses a {@code hookbot.*} key that is no
 * setting); {@link io.hookbot.LogFormat} puts the console log in {@code hookbot.log.format} ({@code text} or
 * {@code json}, written by {@link io.hookbot.LogEncoder}); {@link io.hookbot.OrderlyShutdown} stops the parts in the order that loses nothing. Depends on
 * everything; nothing depends on it.
 */
package io.hookbot;
